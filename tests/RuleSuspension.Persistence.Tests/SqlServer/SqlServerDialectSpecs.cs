using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Outbox;
using RuleSuspension.Domain.Suspensions;
using RuleSuspension.Persistence.Outbox;
using RuleSuspension.Persistence.SqlServer;

namespace RuleSuspension.Persistence.Tests.SqlServer;

/// <summary>The SQL Server dialect's choices that need no server.</summary>
public class SqlServerDialectSpecs
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static SqlConnectionStringBuilder Effective(string connectionString)
        => new(new DatabaseSettings { Provider = DatabaseProvider.SqlServer, ConnectionString = connectionString }.SqlServerConnectionString());

    [Fact]
    public void SqlServer_connections_have_no_MARS_require_encryption_pool_and_name_the_service_by_default()
    {
        var effective = Effective("Server=db,1433;Database=rs;User ID=rs;Password=secret");

        Assert.False(effective.MultipleActiveResultSets);
        Assert.Equal(SqlConnectionEncryptOption.Mandatory, effective.Encrypt);
        Assert.True(effective.Pooling);
        Assert.Equal("RuleSuspension", effective.ApplicationName);
        Assert.Equal("db,1433", effective.DataSource);
    }

    [Fact]
    public void What_the_operator_wrote_in_a_SqlServer_connection_string_is_kept()
    {
        var effective = Effective("Server=db;Database=rs;MultipleActiveResultSets=True;Encrypt=Optional;Pooling=false;App=billing");

        Assert.True(effective.MultipleActiveResultSets);
        Assert.Equal(SqlConnectionEncryptOption.Optional, effective.Encrypt);
        Assert.False(effective.Pooling);
        Assert.Equal("billing", effective.ApplicationName);
    }

    [Fact]
    public void SqlServer_without_a_connection_string_is_refused()
    {
        var settings = new DatabaseSettings { Provider = DatabaseProvider.SqlServer };

        var refused = Assert.Throws<InvalidOperationException>(settings.SqlServerConnectionString);

        Assert.Contains("Database:ConnectionString", refused.Message);
        Assert.Contains("SqlServer", refused.Message);
    }

    [Fact]
    public void The_location_logged_is_the_server_named()
        => Assert.Equal("tcp:db.example,1433", SqlServerDialect.Instance.Location("Server=tcp:db.example,1433;Database=rs"));

    [Fact]
    public void The_claim_takes_one_channels_pending_deliveries()
    {
        var sql = SqlServerDialect.ClaimSql;

        Assert.Contains("d.[Channel] = {0}", sql);
        Assert.Contains("d.[Status] = {3}", sql);
        Assert.Equal(["Email", Now, 50, "Pending"], new OutboxDue(OutboxChannel.Email, Now, Now.AddMinutes(1), 50).Parameters);
    }

    [Fact]
    public void The_claim_reads_past_rows_another_node_holds()
    {
        var sql = SqlServerDialect.ClaimSql;

        Assert.Contains("[OutboxDeliveries] AS d WITH (UPDLOCK, READPAST, ROWLOCK)", sql);
        Assert.Contains("ORDER BY m.[CreatedAt]", sql);
    }

    [Fact]
    public void One_active_suspension_per_customer_is_a_filtered_unique_index()
    {
        using var db = SqlServerModel.Context();

        var index = db.Model.FindEntityType(typeof(Suspension))!.GetIndexes().Single(i => i.GetDatabaseName() == "UX_Suspensions_ActivePerCustomer");

        Assert.True(index.IsUnique);
        Assert.Equal("\"LiftedAt\" IS NULL", index.GetFilter());
    }

    [Fact]
    public void Json_values_are_stored_as_nvarchar_max()
    {
        using var db = SqlServerModel.Context();

        var variables = db.Model.FindEntityType(typeof(Workflows.Runtime.WorkflowInstance))!.FindProperty("Variables")!;

        Assert.Equal("nvarchar(max)", variables.GetColumnType());
    }

    [Fact]
    public void Each_provider_is_chosen_by_its_name()
    {
        Assert.All(Enum.GetValues<DatabaseProvider>(), p => Assert.Equal(p, DatabaseDialects.For(p).Provider));
        Assert.IsType<SqlServerRuleSuspensionDb>(SqlServerDialect.Instance.CreateContext("Server=unused"));
    }
}
