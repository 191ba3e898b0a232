using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using RuleSuspension.Domain.Outbox;
using RuleSuspension.Persistence.Catalogue;
using RuleSuspension.Persistence.Migrations;
using RuleSuspension.Persistence.Outbox;

namespace RuleSuspension.Persistence.Sqlite;

/// <summary>
/// SQLite: one file, one writer, one node. A customer's lock is its turn in this process
/// (<see cref="Locking.CustomerLock"/>), the unit of work reads outside any transaction, and its writes begin with
/// <c>BEGIN IMMEDIATE</c> (Microsoft.Data.Sqlite's default), which takes the file's write lock at once.
/// </summary>
public sealed class SqliteDialect : IDatabaseDialect
{
    private const int ConstraintUnique = 2067;
    private const int ConstraintPrimaryKey = 1555;

    public static SqliteDialect Instance { get; } = new();

    private SqliteDialect()
    {
    }

    public DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public bool HasOneWriter => true;

    public bool SharedByNodes => false;

    public string CatalogueStampSql => CatalogueStamp.CountSql;

    /// <summary>Defaults to a file in the data directory.</summary>
    public string ConnectionString(DatabaseSettings settings, string dataDirectory)
        => settings.ConnectionString is { Length: > 0 } cs ? cs : $"Data Source={Path.Combine(dataDirectory, "rulesuspension.db")}";

    public string Location(string connectionString) => new SqliteConnectionStringBuilder(connectionString).DataSource;

    /// <summary>Creates the file's directory: SQLite creates the file, not its directory.</summary>
    public void AddContext(IServiceCollection services, string connectionString, Action<DbContextOptionsBuilder> common)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(Location(connectionString))) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        services.AddDbContextPool<SqliteRuleSuspensionDb>(o => common(o.UseSqlite(connectionString)));
        services.AddScoped<RuleSuspensionDb>(sp => sp.GetRequiredService<SqliteRuleSuspensionDb>());
    }

    public RuleSuspensionDb CreateContext(string connectionString)
        => new SqliteRuleSuspensionDb(new DbContextOptionsBuilder<SqliteRuleSuspensionDb>().UseSqlite(connectionString).Options);

    /// <summary>The creation script's transaction begins with the file's write lock (<c>BEGIN IMMEDIATE</c>): nothing more to take.</summary>
    public Task<bool> CreateIfFreshAsync(RuleSuspensionDb db, CancellationToken cancellationToken)
        => CreationScript.RunIfFreshAsync(
            db, "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory')", creatorLockSql: null, cancellationToken);

    /// <summary>Write-ahead logging, so that readers never wait for the writer.</summary>
    public async Task AfterMigrateAsync(RuleSuspensionDb db, CancellationToken cancellationToken)
        => await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

    /// <summary>The customer's turn is taken in process, with no transaction open: only the stamp is read (in autocommit).</summary>
    public async Task<long> LockCustomerAsync(RuleSuspensionDb db, string customerId, CancellationToken cancellationToken)
        => await db.CatalogueStampAsync(cancellationToken);

    /// <summary>The customers' turns are taken in process, with no transaction open: only the stamp is read (in autocommit).</summary>
    public async Task<long> LockCustomersAsync(RuleSuspensionDb db, IReadOnlyList<string> orderedCustomerIds, CancellationToken cancellationToken)
        => await db.CatalogueStampAsync(cancellationToken);

    /// <summary>The claim's transaction begins with the write lock, so a second claim reads only after the first committed.</summary>
    public Task<List<OutboxDelivery>> ClaimOutboxAsync(RuleSuspensionDb db, OutboxDue due, CancellationToken cancellationToken)
        => due.ClaimLockedAsync(db, due.Select(db.OutboxDeliveries), cancellationToken);

    /// <summary>A file of its own beside the database (<c>quartz.db</c>), so that the scheduler's writes never wait for the application's.</summary>
    public void UseJobStore(IPersistentStoreBuilder store, DatabaseSettings settings, string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        store.UseSqlite($"Data Source={Path.Combine(dataDirectory, "quartz.db")}");
    }

    public bool IsUniqueViolation(Exception exception)
        => exception is SqliteException { SqliteExtendedErrorCode: ConstraintUnique or ConstraintPrimaryKey };

    /// <summary>Nothing to do: without statistics its planner assumes large tables and uses the indexes.</summary>
    public bool AnalysesYoungTables => false;

    public Task<IReadOnlyList<string>> AnalyseGrownTablesAsync(RuleSuspensionDb db, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<string>>([]);

    /// <summary>Microsoft.Data.Sqlite reports no metrics or traces.</summary>
    public IReadOnlyList<string> TelemetrySources { get; } = [];

    /// <summary>
    /// Nothing faster than EF's save: its inserts are prepared statements in the same process, with no round trip to
    /// save (the rows are written by the save that follows).
    /// </summary>
    public Task<int> WriteAddedRowsAsync(RuleSuspensionDb db, AddedRowsWrite how, CancellationToken cancellationToken) => Task.FromResult(0);
}
