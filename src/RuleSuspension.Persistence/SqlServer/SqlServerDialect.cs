using System.Text.Json;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;
using RuleSuspension.Domain.Outbox;
using RuleSuspension.Persistence.Outbox;

namespace RuleSuspension.Persistence.SqlServer;

/// <summary>
/// SQL Server: several nodes share one database. A customer's lock is an application lock (<c>sp_getapplock</c>)
/// owned by the transaction, so it ends with it, as PostgreSQL's advisory lock does.
/// </summary>
public sealed class SqlServerDialect : IDatabaseDialect
{
    /// <summary>The catalogue's stamp: <c>COUNT_BIG</c>, since <c>COUNT</c> is an <c>int</c> here.</summary>
    internal const string CatalogueStampStatement = "SELECT COUNT_BIG(*) AS [Value] FROM [CatalogueChanges]";

    /// <summary>
    /// The customer's lock, then the catalogue's stamp, in one batch. The lock waits as long as it takes (as PostgreSQL's
    /// does); a deadlock or a cancelled wait is an error, not a lock quietly not held.
    /// </summary>
    internal const string LockCustomerSql = $"""
        DECLARE @resource nvarchar(255) = N'customer:' + @customer, @granted int;
        EXEC @granted = sp_getapplock @Resource = @resource, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = -1;
        IF @granted < 0 THROW 50001, N'The customer lock was not granted.', 1;
        {CatalogueStampStatement};
        """;

    /// <summary>Every customer's lock of the JSON array <c>@customers</c>, in the array's order, then the catalogue's stamp, in one batch.</summary>
    internal const string LockCustomersSql = $"""
        DECLARE @resource nvarchar(255), @granted int;
        DECLARE customers CURSOR LOCAL FAST_FORWARD FOR
            SELECT N'customer:' + [value] FROM OPENJSON(@customers) ORDER BY CAST([key] AS int);
        OPEN customers;
        FETCH NEXT FROM customers INTO @resource;
        WHILE @@FETCH_STATUS = 0
        BEGIN
            EXEC @granted = sp_getapplock @Resource = @resource, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = -1;
            IF @granted < 0 THROW 50001, N'A customer lock was not granted.', 1;
            FETCH NEXT FROM customers INTO @resource;
        END;
        CLOSE customers;
        DEALLOCATE customers;
        {CatalogueStampStatement};
        """;

    /// <summary>
    /// Readers see the last committed row instead of waiting for its writer (and the scheduler's lock-free rounds need
    /// it). <c>NO_WAIT</c>: the change needs the database to itself, and must not break into another node's work.
    /// </summary>
    internal const string ReadCommittedSnapshotSql = """
        IF EXISTS (SELECT 1 FROM sys.databases WHERE database_id = DB_ID() AND is_read_committed_snapshot_on = 0)
            ALTER DATABASE CURRENT SET READ_COMMITTED_SNAPSHOT ON WITH NO_WAIT;
        """;

    private const int DuplicateKeyInUniqueIndex = 2601;
    private const int UniqueConstraintViolation = 2627;

    public static SqlServerDialect Instance { get; } = new();

    private SqlServerDialect()
    {
    }

    public DatabaseProvider Provider => DatabaseProvider.SqlServer;

    public bool HasOneWriter => false;

    public bool SharedByNodes => true;

    public string CatalogueStampSql => CatalogueStampStatement;

    /// <summary>
    /// The operator's connection string with what the service wants where they wrote nothing: no multiple active
    /// result sets (the service reads one result at a time, and MARS costs every command), encryption required (the
    /// client's default, written out so it shows), pooling on, and an application name the DBA sees in
    /// <c>sys.dm_exec_sessions</c>.
    /// </summary>
    public string ConnectionString(DatabaseSettings settings, string dataDirectory)
    {
        var given = settings.RequiredConnectionString();
        var written = new ConnectionStringKeywords(given);
        var builder = new SqlConnectionStringBuilder(given);
        if (!written.Written("Multiple Active Result Sets", "MultipleActiveResultSets"))
        {
            builder.MultipleActiveResultSets = false;
        }

        if (!written.Written("Encrypt"))
        {
            builder.Encrypt = SqlConnectionEncryptOption.Mandatory;
        }

        if (!written.Written("Pooling"))
        {
            builder.Pooling = true;
        }

        if (!written.Written("Application Name", "App"))
        {
            builder.ApplicationName = "RuleSuspension";
        }

        return builder.ConnectionString;
    }

    public string Location(string connectionString) => new SqlConnectionStringBuilder(connectionString).DataSource;

    public void AddContext(IServiceCollection services, string connectionString, Action<DbContextOptionsBuilder> common)
    {
        services.AddDbContextPool<SqlServerRuleSuspensionDb>(o => common(o.UseSqlServer(connectionString)));
        services.AddScoped<RuleSuspensionDb>(sp => sp.GetRequiredService<SqlServerRuleSuspensionDb>());
    }

    public RuleSuspensionDb CreateContext(string connectionString)
        => new SqlServerRuleSuspensionDb(new DbContextOptionsBuilder<SqlServerRuleSuspensionDb>().UseSqlServer(connectionString).Options);

    /// <summary>
    /// Not by a script: SQL Server's needs batches split at <c>GO</c> by the client, and no SQL Server runs where this is
    /// built to test one; EF's migrator creates the database, as it did everywhere before.
    /// </summary>
    public Task<bool> CreateIfFreshAsync(RuleSuspensionDb db, CancellationToken cancellationToken) => Task.FromResult(false);

    public async Task AfterMigrateAsync(RuleSuspensionDb db, CancellationToken cancellationToken)
    {
        try
        {
            // This node's idle pooled connections are sessions in the database too: let them go first.
            SqlConnection.ClearPool((SqlConnection)db.Database.GetDbConnection());
            await db.Database.ExecuteSqlRawAsync(ReadCommittedSnapshotSql, cancellationToken);
        }
        catch (SqlException e)
        {
            // Another session is in the database (a second node starting): the service works without it, more slowly.
            db.GetService<ILoggerFactory>().CreateLogger<SqlServerDialect>().LogWarning(
                "Could not turn on READ_COMMITTED_SNAPSHOT ({Reason}); run ALTER DATABASE CURRENT SET READ_COMMITTED_SNAPSHOT ON once, with the nodes stopped", e.Message);
        }
    }

    public async Task<long> LockCustomerAsync(RuleSuspensionDb db, string customerId, CancellationToken cancellationToken)
        => (long)(await AdoStatement.ScalarAsync(db, LockCustomerSql, "@customer", customerId, cancellationToken))!;

    public async Task<long> LockCustomersAsync(RuleSuspensionDb db, IReadOnlyList<string> orderedCustomerIds, CancellationToken cancellationToken)
        => (long)(await AdoStatement.ScalarAsync(db, LockCustomersSql, "@customers", JsonSerializer.Serialize(orderedCustomerIds), cancellationToken))!;

    /// <summary>
    /// <c>UPDLOCK, READPAST, ROWLOCK</c>: the rows one node reads are locked until its claim commits, and the others
    /// read past them rather than wait.
    /// </summary>
    public Task<List<OutboxDelivery>> ClaimOutboxAsync(RuleSuspensionDb db, OutboxDue due, CancellationToken cancellationToken)
        => due.ClaimLockedAsync(db, db.OutboxDeliveries.FromSqlRaw(ClaimSql, due.Parameters), cancellationToken);

    /// <summary>The claim's statement, with <see cref="OutboxDue.Parameters"/>.</summary>
    internal const string ClaimSql = """
        SELECT TOP ({2}) d.* FROM [OutboxDeliveries] AS d WITH (UPDLOCK, READPAST, ROWLOCK)
        JOIN [Outbox] AS m ON m.[Id] = d.[MessageId]
        WHERE d.[Channel] = {0} AND d.[Status] = {3} AND (d.[NextAttemptAt] IS NULL OR d.[NextAttemptAt] <= {1})
        ORDER BY m.[CreatedAt]
        """;

    /// <summary>Quartz's SQL Server store, through the client's factory; <c>ProvisionSchema</c> creates its tables from Quartz's own script.</summary>
    public void UseJobStore(IPersistentStoreBuilder store, DatabaseSettings settings, string dataDirectory)
        => store.UseSqlServer(SqlClientFactory.Instance, ConnectionString(settings, dataDirectory));

    public bool IsUniqueViolation(Exception exception)
        => exception is SqlException { Number: DuplicateKeyInUniqueIndex or UniqueConstraintViolation };

    /// <summary>Nothing to do: it refreshes statistics itself as a table grows (auto update statistics).</summary>
    public bool AnalysesYoungTables => false;

    public Task<IReadOnlyList<string>> AnalyseGrownTablesAsync(RuleSuspensionDb db, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<string>>([]);

    /// <summary>Not listened to yet: the service reported none for SQL Server before either.</summary>
    public IReadOnlyList<string> TelemetrySources { get; } = [];

    /// <summary>
    /// EF's batched inserts write the rows (the save that follows); <c>SqlBulkCopy</c> would be the set-based way here,
    /// but no SQL Server runs where it could be tested.
    /// </summary>
    public Task<int> WriteAddedRowsAsync(RuleSuspensionDb db, AddedRowsWrite how, CancellationToken cancellationToken) => Task.FromResult(0);
}
