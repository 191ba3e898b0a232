using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RuleSuspension.Persistence.SqlServer;

namespace RuleSuspension.Persistence.Tests.SqlServer;

/// <summary>
/// No SQL Server can run where these tests run: every statement the service sends to one is parsed by Microsoft's
/// T-SQL parser instead, and must parse without an error.
/// </summary>
public class TransactSqlSpecs
{
    private static void AssertParses(string sql) => Assert.True(TransactSql.Errors(sql) is [], string.Join(Environment.NewLine, TransactSql.Errors(sql).Prepend(sql)));

    [Fact]
    public void The_checker_refuses_a_broken_statement()
    {
        var errors = TransactSql.Errors("SELECT TOP (@p2 * FROM [Outbox] WITH (UPDLOCK, READPAST, ROWLOCK)");

        Assert.NotEmpty(errors);
    }

    [Fact]
    public void The_customer_lock_with_the_catalogue_stamp_parses() => AssertParses(SqlServerDialect.LockCustomerSql);

    [Fact]
    public void The_batch_lock_of_several_customers_parses() => AssertParses(SqlServerDialect.LockCustomersSql);

    [Fact]
    public void The_catalogue_stamp_parses() => AssertParses(SqlServerDialect.Instance.CatalogueStampSql);

    [Fact]
    public void Turning_on_read_committed_snapshot_parses() => AssertParses(SqlServerDialect.ReadCommittedSnapshotSql);

    [Fact]
    public void The_outbox_claim_parses()
        => AssertParses(TransactSql.WithParameters(SqlServerDialect.ClaimSql));

    [Fact]
    public void The_full_idempotent_migration_script_parses()
    {
        using var db = SqlServerModel.Context();

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE UNIQUE INDEX [UX_Suspensions_ActivePerCustomer]", script);
        AssertParses(script);
    }

    /// <summary>Quartz creates its tables on SQL Server from this script when they are missing (<c>ProvisionSchema</c>).</summary>
    [Fact]
    public void The_schedulers_table_script_from_Quartz_parses()
    {
        using var stream = typeof(Quartz.IScheduler).Assembly.GetManifestResourceStream("Quartz.Impl.AdoJobStore.Schema.create_sqlServer.sql");
        Assert.NotNull(stream);
        // {0} is the table prefix (schema-qualified where there is one), {1} the same without a schema: Quartz's "QRTZ_".
        var script = string.Format(new StreamReader(stream).ReadToEnd(), "QRTZ_", "QRTZ_");

        AssertParses(script);
    }
}

/// <summary>The SQL Server model, built without a server.</summary>
internal static class SqlServerModel
{
    public static SqlServerRuleSuspensionDb Context()
        => new(new DbContextOptionsBuilder<SqlServerRuleSuspensionDb>().UseSqlServer("Server=unused;Database=unused").Options);
}
