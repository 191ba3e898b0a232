using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using RuleSuspension.Persistence.Telemetry;

namespace RuleSuspension.Persistence.Locking;

/// <summary>
/// Serialises the work on one customer across requests (and nodes, where the database is shared): events of a customer
/// are handled one at a time, in order; different customers in parallel. One customer or a batch of them (the overdue
/// check's), this is the one way in: every caller waits here.
/// <list type="bullet">
/// <item>PostgreSQL, SQL Server: a database transaction begins first, and the dialect takes the customer's lock in it
/// (<see cref="IDatabaseDialect.LockCustomerAsync"/>: an advisory lock, an application lock) and reads the catalogue's
/// stamp with it; the whole unit of work runs in that transaction.</item>
/// <item>A database with one writer (SQLite, <see cref="IDatabaseDialect.HasOneWriter"/>): the customer's turn is taken
/// in this process (<see cref="CustomerTurns"/>) and the handler reads and decides with no write transaction open, each
/// read seeing the latest commit. Only at the commit does the unit of work take the one in-process writer gate and
/// <c>BEGIN IMMEDIATE</c> (the file's write lock, covering other processes on the file), save, commit and let both go:
/// the one writer is held for the writes only, so customers' reads and decisions overlap. A row another process
/// changed meanwhile is caught at the save by its concurrency token (<c>Version</c> of a customer, of a workflow
/// instance), as on the other databases.</item>
/// </list>
/// </summary>
public sealed class CustomerLock
{
    private readonly SemaphoreSlim _oneWriter = new(1, 1);
    private readonly CustomerTurns _turns = new();

    /// <summary>With the database's settings (<see cref="DatabaseSettings.AddedRowsByStatement"/>).</summary>
    public CustomerLock(DatabaseSettings settings)
        => AddedRows = settings.AddedRowsByStatement ? AddedRowsWrite.Statements : AddedRowsWrite.Save;

    /// <summary>The added rows written by statements of the service's own where the database has them (the default setting).</summary>
    public CustomerLock()
        : this(new DatabaseSettings())
    {
    }

    /// <summary>How a unit of work's commit writes its added rows, unless the committer says (an overdue batch does).</summary>
    public AddedRowsWrite AddedRows { get; }

    /// <summary>Customers whose turn is held or waited for in this process (one-writer databases); 0 when idle.</summary>
    internal int CustomersInFlight => _turns.InFlight;

    /// <summary>
    /// Begins the customer's unit of work holding its lock. When the context is in a unit of work already, its owner
    /// holds the lock: the scope then neither begins nor commits anything (nested use by a handler called from another).
    /// </summary>
    public Task<CustomerLockScope> AcquireAsync(RuleSuspensionDb db, string customerId, CancellationToken cancellationToken)
        => AcquireAsync(db, [customerId], () => db.Dialect.LockCustomerAsync(db, customerId, cancellationToken), cancellationToken);

    /// <summary>
    /// Begins one unit of work holding the lock of every customer of a batch (the overdue check's), taken in id order
    /// so that two lockers of overlapping sets cannot deadlock. The rest is as for one customer: the writer gate at the
    /// commit on a database with one writer, the catalogue's stamp held for the unit of work, the same nesting.
    /// </summary>
    public Task<CustomerLockScope> AcquireAllAsync(RuleSuspensionDb db, IEnumerable<string> customerIds, CancellationToken cancellationToken)
    {
        var ordered = customerIds.Distinct().Order(StringComparer.Ordinal).ToList();
        return AcquireAsync(db, ordered, () => db.Dialect.LockCustomersAsync(db, ordered, cancellationToken), cancellationToken);
    }

    /// <param name="db">The unit of work's context.</param>
    /// <param name="orderedCustomerIds">The customers, in id order (their turns on a database with one writer).</param>
    /// <param name="takeLocks">The dialect's statement taking the locks and answering the catalogue's stamp.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    private async Task<CustomerLockScope> AcquireAsync(
        RuleSuspensionDb db, IReadOnlyList<string> orderedCustomerIds, Func<Task<long>> takeLocks, CancellationToken cancellationToken)
    {
        if (db.UnitOfWork is not null || db.Database.CurrentTransaction is not null)
        {
            return CustomerLockScope.Nested(db);
        }

        var start = Stopwatch.GetTimestamp();
        return db.Dialect.HasOneWriter
            ? await TakeTurnAsync(db, orderedCustomerIds, takeLocks, start, cancellationToken)
            : await BeginLockedAsync(db, takeLocks, start, cancellationToken);
    }

    /// <summary>PostgreSQL, SQL Server: the lock is the database's, taken in the unit of work's transaction.</summary>
    private async Task<CustomerLockScope> BeginLockedAsync(RuleSuspensionDb db, Func<Task<long>> takeLocks, long start, CancellationToken cancellationToken)
    {
        IDbContextTransaction? transaction = null;
        try
        {
            transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.HoldCatalogueStamp(await takeLocks());
            ServiceMetrics.LockTaken(start);
            return CustomerLockScope.Owner(db, AddedRows, transaction, writerGate: null, turns: null);
        }
        catch
        {
            db.HoldCatalogueStamp(null);
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>
    /// One writer (SQLite): the customers' turns in this process, one connection for the unit of work's reads (each in
    /// autocommit) and the stamp read once; the write lock waits for the commit (<see cref="CustomerLockScope"/>).
    /// </summary>
    private async Task<CustomerLockScope> TakeTurnAsync(
        RuleSuspensionDb db, IReadOnlyList<string> orderedCustomerIds, Func<Task<long>> takeLocks, long start, CancellationToken cancellationToken)
    {
        var turns = await _turns.TakeAsync(orderedCustomerIds, cancellationToken);
        var opened = false;
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            opened = true;
            db.HoldCatalogueStamp(await takeLocks());
            ServiceMetrics.LockTaken(start);
            return CustomerLockScope.Owner(db, AddedRows, transaction: null, _oneWriter, turns);
        }
        catch
        {
            db.HoldCatalogueStamp(null);
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }

            turns.Dispose();
            throw;
        }
    }
}

/// <summary>
/// The unit of work a <see cref="CustomerLock"/> began. Committing saves what the context tracks and commits, so the
/// work inside (a workflow run of many steps) is written in one round of statements; disposing without committing
/// rolls back (if anything was begun) and releases the lock. On a database with one writer the write transaction is
/// begun only when the unit of work writes: at the commit, or earlier when a handler must write at once
/// (<see cref="RuleSuspensionDb.BeginWritesNowAsync"/>, which any save inside the unit of work calls too).
/// </summary>
public sealed class CustomerLockScope : IAsyncDisposable
{
    private readonly RuleSuspensionDb _db;
    private readonly AddedRowsWrite _addedRows;
    private readonly SemaphoreSlim? _writerGate;
    private IDbContextTransaction? _transaction;
    private IDisposable? _turns;
    private bool _holdsWriter;
    private bool _owner;

    private CustomerLockScope(RuleSuspensionDb db, AddedRowsWrite addedRows, IDbContextTransaction? transaction, SemaphoreSlim? writerGate, IDisposable? turns, bool owner)
    {
        _db = db;
        _addedRows = addedRows;
        _transaction = transaction;
        _writerGate = writerGate;
        _turns = turns;
        _owner = owner;
    }

    internal static CustomerLockScope Owner(RuleSuspensionDb db, AddedRowsWrite addedRows, IDbContextTransaction? transaction, SemaphoreSlim? writerGate, IDisposable? turns)
    {
        var scope = new CustomerLockScope(db, addedRows, transaction, writerGate, turns, owner: true);
        db.UnitOfWork = scope;
        return scope;
    }

    internal static CustomerLockScope Nested(RuleSuspensionDb db) => new(db, AddedRowsWrite.Save, null, null, null, owner: false);

    /// <summary>False when an outer scope owns the unit of work (and its transaction).</summary>
    public bool OwnsTransaction => _owner;

    /// <summary>Commits, the added rows written as the lock's <see cref="CustomerLock.AddedRows"/> says.</summary>
    public Task CommitAsync(CancellationToken cancellationToken) => CommitAsync(_addedRows, cancellationToken);

    /// <summary>Commits, the added rows written as <paramref name="addedRows"/> says (<see cref="RuleSuspensionDb.SaveAndCommitAsync"/>).</summary>
    public async Task CommitAsync(AddedRowsWrite addedRows, CancellationToken cancellationToken)
    {
        if (_owner)
        {
            await _db.SaveAndCommitAsync(async () =>
            {
                await BeginWritesAsync(cancellationToken);
                return _transaction!;
            }, addedRows, cancellationToken);
        }

        await DisposeAsync();
    }

    public async Task RollbackAsync(CancellationToken cancellationToken)
    {
        if (_owner && _transaction is not null)
        {
            await _transaction.RollbackAsync(cancellationToken);
        }

        await DisposeAsync();
    }

    /// <summary>
    /// Begins the write transaction if it is not begun: on a database with one writer, waits for the writer gate and
    /// begins with <c>BEGIN IMMEDIATE</c> (Microsoft.Data.Sqlite's default), which takes the file's write lock at once
    /// and so never meets another writer's lock half-way; every read after it sees what this unit of work wrote.
    /// </summary>
    internal async Task BeginWritesAsync(CancellationToken cancellationToken)
    {
        if (_transaction is not null || !_owner)
        {
            return;
        }

        await _writerGate!.WaitAsync(cancellationToken);
        _holdsWriter = true;
        _transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_owner)
        {
            return;
        }

        _owner = false;
        try
        {
            if (_transaction is not null)
            {
                await _transaction.DisposeAsync();
                _transaction = null;
            }

            if (_turns is not null)
            {
                // Opened by the turn's taking: the reads ran on it outside any transaction.
                await _db.Database.CloseConnectionAsync();
            }
        }
        finally
        {
            _db.HoldCatalogueStamp(null);
            _db.UnitOfWork = null;
            if (_holdsWriter)
            {
                _holdsWriter = false;
                _writerGate!.Release();
            }

            _turns?.Dispose();
            _turns = null;
        }
    }
}
