using Microsoft.Data.Sqlite;
using RuleSuspension.Server.Cli;
using RuleSuspension.Server.Tests.Infrastructure;

namespace RuleSuspension.Server.Tests.Cli;

public class DemoVerbSpecs
{
    [Fact]
    public async Task Demo_loads_customers_that_the_shipped_workflows_suspend()
    {
        var data = Path.Combine(Path.GetTempPath(), "rs-demo-" + Guid.NewGuid().ToString("N"));

        var exit = await Verbs.Root().Parse(["demo", $"--Data:Directory={data}", $"--Workflows:Directory={Path.Combine(TestServer.RepositoryRoot(), "workflows")}"]).InvokeAsync();

        Assert.Equal(0, exit);
        Assert.True(File.Exists(Path.Combine(data, "admin.key")));
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(data, "rulesuspension.db")};Pooling=false");
        await connection.OpenAsync();
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT group_concat(\"ReasonCode\") FROM (SELECT \"ReasonCode\" FROM \"Suspensions\" WHERE \"LiftedAt\" IS NULL ORDER BY \"ReasonCode\")";
        Assert.Equal("crm,identity-check,non-payment,plan-approval", await query.ExecuteScalarAsync());
    }
}
