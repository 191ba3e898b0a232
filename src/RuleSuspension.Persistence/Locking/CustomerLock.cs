using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using System.Diagnostics;
using RuleSuspension.Persistence.Catalogue;
using RuleSuspension.Persistence.Telemetry;

namespace RuleSuspension.Persistence.Locking;

/// <summary>
/// Serialises the work on one customer across requests and nodes, inside a database transaction: events of a customer
/// are handled one at a time, in order; different customers in parallel. PostgreSQL: a transaction-scoped advisory lock
/// on the customer id. SQLite: it has one writer anyway, so one in-process gate plus <c>BEGIN IMMEDIATE</c> (which takes
/// the write lock at once, covering other processes on the same file) avoids storms of SQLITE_BUSY retries.
/// </summary>
public sealed class CustomerLock
{
    // The lock, then the catalogue's stamp, in one statement.
    private const string LockPostgres =
        "SELECT (" + CatalogueStamp.CountSql + ") FROM (SELECT pg_advisory_xact_lock(hashtext(@customer))) AS locked";

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

        var start = Stopwatch.GetTimestamp();
        var gate = db.Database.IsNpgsql() ? null : _sqliteWriter;
        if (gate is not null)
        {
            await gate.WaitAsync(cancellationToken);
        }

        IDbContextTransaction? transaction = null;
        try
        {
            // SQLite: Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE unless asked for a deferred transaction.
            transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.HoldCatalogueStamp(gate is null
                ? await LockPostgresAsync(db, transaction, customerId, cancellationToken)
                : await db.CatalogueStampAsync(cancellationToken));
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

    /// <remarks>Plain ADO.NET: the statement is fixed, and EF's query pipeline would cost more than the statement.</remarks>
    private static async Task<long> LockPostgresAsync(RuleSuspensionDb db, IDbContextTransaction transaction, string customerId, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = LockPostgres;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "customer";
        parameter.Value = customerId;
        command.Parameters.Add(parameter);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
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
