using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using RuleSuspension.Persistence.Telemetry;

namespace RuleSuspension.Persistence.Locking;

/// <summary>
/// Serialises the work on one customer across requests and nodes, inside a database transaction: events of a customer
/// are handled one at a time, in order; different customers in parallel. The database's dialect takes the lock
/// (<see cref="IDatabaseDialect.LockCustomerAsync"/>: PostgreSQL's advisory lock, SQL Server's application lock) and
/// reads the catalogue's stamp with it. A database with one writer (SQLite) is serialised anyway: one in-process gate
/// plus <c>BEGIN IMMEDIATE</c> (which takes the write lock at once, covering other processes on the same file) avoids
/// storms of SQLITE_BUSY retries. One customer or a batch of them (the overdue check's), this is the one way in:
/// every caller waits here.
/// </summary>
public sealed class CustomerLock
{
    private readonly SemaphoreSlim _oneWriter = new(1, 1);

    /// <summary>
    /// Begins a transaction holding the customer's lock. When the context already has a transaction, its owner holds
    /// the lock: the scope then neither begins nor commits anything (nested use by a handler called from another).
    /// </summary>
    public Task<CustomerLockScope> AcquireAsync(RuleSuspensionDb db, string customerId, CancellationToken cancellationToken)
        => AcquireAsync(db, () => db.Dialect.LockCustomerAsync(db, customerId, cancellationToken), cancellationToken);

    /// <summary>
    /// Begins one transaction holding the lock of every customer of a batch (the overdue check's), taken in id order
    /// so that two lockers of overlapping sets cannot deadlock. The rest is as for one customer: the same gate on a
    /// database with one writer, the catalogue's stamp held for the unit of work, the same nesting.
    /// </summary>
    public Task<CustomerLockScope> AcquireAllAsync(RuleSuspensionDb db, IEnumerable<string> customerIds, CancellationToken cancellationToken)
    {
        var ordered = customerIds.Distinct().Order(StringComparer.Ordinal).ToList();
        return AcquireAsync(db, () => db.Dialect.LockCustomersAsync(db, ordered, cancellationToken), cancellationToken);
    }

    /// <param name="db">The unit of work's context.</param>
    /// <param name="takeLocks">The dialect's statement taking the locks and answering the catalogue's stamp.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    private async Task<CustomerLockScope> AcquireAsync(RuleSuspensionDb db, Func<Task<long>> takeLocks, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return new CustomerLockScope(db, null, null);
        }

        var start = Stopwatch.GetTimestamp();
        var gate = db.Dialect.HasOneWriter ? _oneWriter : null;
        if (gate is not null)
        {
            await gate.WaitAsync(cancellationToken);
        }

        IDbContextTransaction? transaction = null;
        try
        {
            // SQLite: Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE unless asked for a deferred transaction.
            transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.HoldCatalogueStamp(await takeLocks());
            ServiceMetrics.LockTaken(start);
            return new CustomerLockScope(db, transaction, gate);
        }
        catch
        {
            db.HoldCatalogueStamp(null);
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }

            gate?.Release();
            throw;
        }
    }
}

/// <summary>
/// The transaction of a <see cref="CustomerLock"/>: the unit of work. Committing first saves what the context tracks, so
/// the work inside (a workflow run of many steps) is written in one round of statements; disposing without committing
/// rolls back and releases the lock.
/// </summary>
public sealed class CustomerLockScope(RuleSuspensionDb db, IDbContextTransaction? transaction, SemaphoreSlim? gate) : IAsyncDisposable
{
    private IDbContextTransaction? _transaction = transaction;
    private SemaphoreSlim? _gate = gate;

    /// <summary>False when an outer scope owns the transaction.</summary>
    public bool OwnsTransaction => _transaction is not null;

    public Task CommitAsync(CancellationToken cancellationToken) => CommitAsync(addedRowsSetBased: false, cancellationToken);

    /// <summary>Commits; with <paramref name="addedRowsSetBased"/> the added rows are written set-based first (<see cref="RuleSuspensionDb.SaveAndCommitAsync(IDbContextTransaction, bool, CancellationToken)"/>).</summary>
    public async Task CommitAsync(bool addedRowsSetBased, CancellationToken cancellationToken)
    {
        if (_transaction is not null)
        {
            await db.SaveAndCommitAsync(_transaction, addedRowsSetBased, cancellationToken);
        }

        await DisposeAsync();
    }

    public async Task RollbackAsync(CancellationToken cancellationToken)
    {
        if (_transaction is not null)
        {
            await _transaction.RollbackAsync(cancellationToken);
        }

        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
            _transaction = null;
            db.HoldCatalogueStamp(null);
        }

        _gate?.Release();
        _gate = null;
    }
}
