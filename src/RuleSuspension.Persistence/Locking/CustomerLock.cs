using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace RuleSuspension.Persistence.Locking;

/// <summary>
/// Serialises the work on one customer across requests and nodes, inside a database transaction: events of a customer
/// are handled one at a time, in order; different customers in parallel. PostgreSQL: a transaction-scoped advisory lock
/// on the customer id. SQLite: it has one writer anyway, so one in-process gate plus <c>BEGIN IMMEDIATE</c> (which takes
/// the write lock at once, covering other processes on the same file) avoids storms of SQLITE_BUSY retries.
/// </summary>
public sealed class CustomerLock
{
    private readonly SemaphoreSlim _sqliteWriter = new(1, 1);

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

        if (db.Database.IsNpgsql())
        {
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtext({customerId}))", cancellationToken);
                return new CustomerLockScope(db, transaction, null);
            }
            catch
            {
                await transaction.DisposeAsync();
                throw;
            }
        }

        await _sqliteWriter.WaitAsync(cancellationToken);
        try
        {
            // Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE unless asked for a deferred transaction.
            return new CustomerLockScope(db, await db.Database.BeginTransactionAsync(cancellationToken), _sqliteWriter);
        }
        catch
        {
            _sqliteWriter.Release();
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
        }

        _gate?.Release();
        _gate = null;
    }
}
