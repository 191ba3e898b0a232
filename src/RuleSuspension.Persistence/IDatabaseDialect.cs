using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using RuleSuspension.Domain.Outbox;
using RuleSuspension.Persistence.Outbox;

namespace RuleSuspension.Persistence;

/// <summary>
/// Everything that differs between the databases the service runs on, one implementation per database in its own
/// folder (<c>Sqlite/</c>, <c>PostgreSql/</c>, <c>SqlServer/</c>). The one in use is chosen once at start from
/// <see cref="DatabaseSettings.Provider"/> (<see cref="DatabaseDialects.For"/>), and every context carries it
/// (<see cref="RuleSuspensionDb.Dialect"/>): code outside these folders asks the dialect, never which database it is.
/// </summary>
public interface IDatabaseDialect
{
    DatabaseProvider Provider { get; }

    /// <summary>
    /// True when the database takes one writer at a time (SQLite): the customer lock is then a turn in this process,
    /// the unit of work reads and decides outside any transaction, and only its writes queue, at the commit, for this
    /// process's one writer gate (rather than meeting the database's busy error).
    /// </summary>
    bool HasOneWriter { get; }

    /// <summary>True when several nodes may share the database: the scheduler's job store is then clustered.</summary>
    bool SharedByNodes { get; }

    /// <summary>The catalogue's stamp, one <c>bigint</c> named <c>Value</c>.</summary>
    string CatalogueStampSql { get; }

    /// <summary>The connection string the service uses: the operator's, with this database's defaults for what they did not write.</summary>
    string ConnectionString(DatabaseSettings settings, string dataDirectory);

    /// <summary>Where the database is, for a log line: a host and port, or a file.</summary>
    string Location(string connectionString);

    /// <summary>Registers the provider's context (pooled) on the connection string.</summary>
    void AddContext(IServiceCollection services, string connectionString, Action<DbContextOptionsBuilder> common);

    /// <summary>A context of its own, outside the container (tools, tests): the connection string is used as given.</summary>
    RuleSuspensionDb CreateContext(string connectionString);

    /// <summary>
    /// Creates a database with no migration history in one step (<see cref="Migrations.CreationScript"/>) and answers
    /// true; answers false when it has a history, or when this database is not created that way: EF's migrator then
    /// applies what is pending.
    /// </summary>
    Task<bool> CreateIfFreshAsync(RuleSuspensionDb db, CancellationToken cancellationToken);

    /// <summary>What a fresh or migrated database needs beyond its migrations (SQLite: write-ahead logging).</summary>
    Task AfterMigrateAsync(RuleSuspensionDb db, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the customer's lock in the context's current transaction and reads the catalogue's stamp with it; with
    /// <see cref="HasOneWriter"/>, no transaction is open and only the stamp is read (the lock is taken in process).
    /// </summary>
    Task<long> LockCustomerAsync(RuleSuspensionDb db, string customerId, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the lock of every customer given, in the order given, in the context's current transaction, and reads the
    /// catalogue's stamp with them (as <see cref="LockCustomerAsync"/> does for one).
    /// </summary>
    Task<long> LockCustomersAsync(RuleSuspensionDb db, IReadOnlyList<string> orderedCustomerIds, CancellationToken cancellationToken);

    /// <summary>Takes the due messages of one channel so that no other node sends them meanwhile, and saves the claim.</summary>
    Task<List<OutboxDelivery>> ClaimOutboxAsync(RuleSuspensionDb db, OutboxDue due, CancellationToken cancellationToken);

    /// <summary>Quartz's persistent job store on this database (clustering is added by the caller when <see cref="SharedByNodes"/>).</summary>
    void UseJobStore(IPersistentStoreBuilder store, DatabaseSettings settings, string dataDirectory);

    /// <summary>True when the provider's exception means a unique key or primary key was met.</summary>
    bool IsUniqueViolation(Exception exception);

    /// <summary>
    /// True when tables growing from empty need their statistics refreshed sooner than the database does it itself
    /// (PostgreSQL: see <see cref="Statistics.YoungTableStatistics"/>); the housekeeping service runs only then.
    /// </summary>
    bool AnalysesYoungTables { get; }

    /// <summary>Analyses the tables that grew enough since their statistics; answers their names (none where nothing needs it).</summary>
    Task<IReadOnlyList<string>> AnalyseGrownTablesAsync(RuleSuspensionDb db, CancellationToken cancellationToken);

    /// <summary>The names of the meter and activity source the provider's driver reports to (OpenTelemetry listens to them).</summary>
    IReadOnlyList<string> TelemetrySources { get; }

    /// <summary>
    /// Writes the rows of the entities the context tracks as added with statements of its own (<paramref name="how"/>),
    /// in the context's current transaction, and stops tracking them, so that EF's save that follows writes only the
    /// rest; answers how many rows it wrote. The rows are those EF's save would write. PostgreSQL: one binary
    /// <c>COPY</c> per table (<see cref="AddedRowsWrite.SetBased"/>) or one batch of prepared <c>INSERT</c>s
    /// (<see cref="AddedRowsWrite.Statements"/>). Where the database has nothing faster than EF's batched inserts
    /// (SQLite, SQL Server), and for <see cref="AddedRowsWrite.Save"/>, it writes nothing and answers 0.
    /// </summary>
    Task<int> WriteAddedRowsAsync(RuleSuspensionDb db, AddedRowsWrite how, CancellationToken cancellationToken);
}

/// <summary>How a unit of work's commit writes the rows of the entities it added.</summary>
public enum AddedRowsWrite
{
    /// <summary>EF's save, with the updates.</summary>
    Save,

    /// <summary>Prepared <c>INSERT</c>s of the service's own in one batch, then EF's save for the rest: a few rows (an event's).</summary>
    Statements,

    /// <summary>Set-based (binary <c>COPY</c>), then EF's save for the rest: thousands of rows (an overdue batch).</summary>
    SetBased,
}
