using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;
using RuleSuspension.Domain.Outbox;
using RuleSuspension.Persistence.Catalogue;
using RuleSuspension.Persistence.Migrations;
using RuleSuspension.Persistence.Outbox;

namespace RuleSuspension.Persistence.PostgreSql;

/// <summary>PostgreSQL: several nodes share one database; a customer's lock is a transaction-scoped advisory lock on its id.</summary>
public sealed class PostgreSqlDialect : IDatabaseDialect
{
    /// <summary>The lock, then the catalogue's stamp, in one statement.</summary>
    internal const string LockCustomerSql =
        "SELECT (" + CatalogueStamp.CountSql + ") FROM (SELECT pg_advisory_xact_lock(hashtext(@customer))) AS locked";

    /// <summary>Every customer's advisory lock (of the array <c>@customers</c>), in id order, then the catalogue's stamp, in one statement.</summary>
    internal const string LockCustomersSql =
        "SELECT (" + CatalogueStamp.CountSql + ") FROM (SELECT count(pg_advisory_xact_lock(hashtext(id))) FROM (SELECT id FROM unnest(@customers) AS id ORDER BY id) AS ordered) AS locked";

    private const string UniqueViolation = "23505";

    /// <summary>Held by the node creating a fresh database (one bigint key, outside the range of the customers' <c>hashtext</c> keys).</summary>
    private const long CreatorLockKey = 0x52_53_43_72_65_61_74_65; // "RSCreate"

    public static PostgreSqlDialect Instance { get; } = new();

    private PostgreSqlDialect()
    {
    }

    public DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public bool HasOneWriter => false;

    public bool SharedByNodes => true;

    public string CatalogueStampSql => CatalogueStamp.CountSql;

    /// <summary>
    /// Tuned for the service unless the operator wrote otherwise: statements are prepared automatically (every event
    /// runs the same couple of dozen statements; unprepared, PostgreSQL parsed and planned each one every time, 40 % of
    /// its CPU under load), and a pooled connection is not reset when it is returned (the service keeps no session
    /// state: its locks are transaction-scoped; the reset cost six statements per request).
    /// </summary>
    public string ConnectionString(DatabaseSettings settings, string dataDirectory)
    {
        var given = settings.RequiredConnectionString();
        var builder = new NpgsqlConnectionStringBuilder(given);
        var written = new ConnectionStringKeywords(given);
        if (!written.Written("Max Auto Prepare"))
        {
            builder.MaxAutoPrepare = 128;
            builder.AutoPrepareMinUsages = 2;
        }

        if (!written.Written("No Reset On Close"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    public string Location(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}";
    }

    public void AddContext(IServiceCollection services, string connectionString, Action<DbContextOptionsBuilder> common)
    {
        services.AddDbContextPool<PostgresRuleSuspensionDb>(o => common(o.UseNpgsql(connectionString)));
        services.AddScoped<RuleSuspensionDb>(sp => sp.GetRequiredService<PostgresRuleSuspensionDb>());
    }

    public RuleSuspensionDb CreateContext(string connectionString)
        => new PostgresRuleSuspensionDb(new DbContextOptionsBuilder<PostgresRuleSuspensionDb>().UseNpgsql(connectionString).Options);

    /// <summary>The creation script's transaction first takes an advisory lock, so that nodes started together create the database once.</summary>
    public Task<bool> CreateIfFreshAsync(RuleSuspensionDb db, CancellationToken cancellationToken)
        => CreationScript.RunIfFreshAsync(
            db, "SELECT to_regclass('\"__EFMigrationsHistory\"') IS NOT NULL", $"SELECT pg_advisory_xact_lock({CreatorLockKey})", cancellationToken);

    public Task AfterMigrateAsync(RuleSuspensionDb db, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<long> LockCustomerAsync(RuleSuspensionDb db, string customerId, CancellationToken cancellationToken)
        => (long)(await AdoStatement.ScalarAsync(db, LockCustomerSql, "customer", customerId, cancellationToken))!;

    public async Task<long> LockCustomersAsync(RuleSuspensionDb db, IReadOnlyList<string> orderedCustomerIds, CancellationToken cancellationToken)
        => (long)(await AdoStatement.ScalarAsync(db, LockCustomersSql, "customers", orderedCustomerIds.ToArray(), cancellationToken))!;

    /// <summary><c>FOR UPDATE SKIP LOCKED</c>: the rows one node reads are skipped by the others.</summary>
    public Task<List<OutboxDelivery>> ClaimOutboxAsync(RuleSuspensionDb db, OutboxDue due, CancellationToken cancellationToken)
        => due.ClaimLockedAsync(db, db.OutboxDeliveries.FromSqlRaw(ClaimSql, due.Parameters), cancellationToken);

    /// <summary>The claim's statement, with <see cref="OutboxDue.Parameters"/>.</summary>
    internal const string ClaimSql = """
        SELECT d.* FROM "OutboxDeliveries" AS d JOIN "Outbox" AS m ON m."Id" = d."MessageId"
        WHERE d."Channel" = {0} AND d."Status" = {3} AND (d."NextAttemptAt" IS NULL OR d."NextAttemptAt" <= {1})
        ORDER BY m."CreatedAt"
        LIMIT {2}
        FOR UPDATE OF d SKIP LOCKED
        """;

    public void UseJobStore(IPersistentStoreBuilder store, DatabaseSettings settings, string dataDirectory)
        => store.UsePostgres(settings.RequiredConnectionString());

    public bool IsUniqueViolation(Exception exception) => exception is PostgresException { SqlState: UniqueViolation };

    public bool AnalysesYoungTables => true;

    public Task<IReadOnlyList<string>> AnalyseGrownTablesAsync(RuleSuspensionDb db, CancellationToken cancellationToken)
        => PostgreSqlYoungTables.AnalyseGrownTablesAsync(db, cancellationToken);

    /// <summary>Npgsql's meter and activity source (what Npgsql.OpenTelemetry's AddNpgsql and AddNpgsqlInstrumentation listen to).</summary>
    public IReadOnlyList<string> TelemetrySources { get; } = ["Npgsql"];

    /// <summary>One binary <c>COPY</c> per table, or one batch of prepared <c>INSERT</c>s (<see cref="PostgreSqlAddedRows"/>).</summary>
    public Task<int> WriteAddedRowsAsync(RuleSuspensionDb db, AddedRowsWrite how, CancellationToken cancellationToken) => how switch
    {
        AddedRowsWrite.SetBased => PostgreSqlAddedRows.CopyAsync(db, cancellationToken),
        AddedRowsWrite.Statements => PostgreSqlAddedRows.InsertAsync(db, cancellationToken),
        _ => Task.FromResult(0),
    };
}
