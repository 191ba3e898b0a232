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
/// storms of SQLITE_BUSY retries. This method is the one way in: every caller waits here.
/// </summary>
public sealed class CustomerLock
{
    private readonly SemaphoreSlim _oneWriter = new(1, 1);

    /// <summary>
    /// Begins a transaction holding the customer's lock. When the context already has a transaction, its owner holds
    /// the lock: the scope then neither begins nor commits anything (nested use by a handler called from another).
    /// </summary>
    public async Task<CustomerLockScope> AcquireAsync(RuleSuspensionDb db, string customerId, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return new CustomerLockScope(db, null, null);
        }

        var start = Stopwatch.GetTimestamp();
        var dialect = db.Dialect;
        var gate = dialect.HasOneWriter ? _oneWriter : null;
        if (gate is not null)
        {
            await gate.WaitAsync(cancellationToken);
        }

        IDbContextTransaction? transaction = null;
        try
        {
            // SQLite: Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE unless asked for a deferred transaction.
            transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.HoldCatalogueStamp(await dialect.LockCustomerAsync(db, customerId, cancellationToken));
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

    /// <summary>
    /// Takes the lock of every customer of a batch in the context's current transaction (its owner commits), in id
    /// order, so that two lockers of overlapping sets cannot deadlock. On a database with one writer the transaction
    /// already holds every customer.
    /// </summary>
    public async Task AcquireAllAsync(RuleSuspensionDb db, IReadOnlyList<string> customerIds, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The customers of a batch are locked inside the batch's transaction.");
        }

        var start = Stopwatch.GetTimestamp();
        var ordered = customerIds.Distinct().Order(StringComparer.Ordinal).ToList();
        await db.Dialect.LockCustomersAsync(db, ordered, cancellationToken);
        ServiceMetrics.LockTaken(start);
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

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_transaction is not null)
        {
            await db.SaveAndCommitAsync(_transaction, cancellationToken);
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
