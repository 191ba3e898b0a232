using Microsoft.EntityFrameworkCore;
using static RuleSuspension.Scheduling.Tests.Cluster.ClusterSteps;

namespace RuleSuspension.Scheduling.Tests.Cluster;

/// <summary>The scheduled check on two nodes sharing one database: once per fire time, and on after a node dies.</summary>
public sealed class ScheduledCheckClusterSpecs : IAsyncLifetime
{
    private readonly TwoNodeCluster cluster = new();

    public Task InitializeAsync() => cluster.InitializeAsync();

    public Task DisposeAsync() => cluster.DisposeAsync();

    [Fact]
    public async Task Each_scheduled_check_runs_once_across_both_nodes_and_the_check_goes_on_when_a_node_is_killed()
    {
        var customer = await CreateCustomer(cluster.First.Client(cluster.ApiKey));
        await InvoiceOverdue(cluster.First.Client(cluster.ApiKey), customer, daysOverdue: 45);
        await TwoNodeCluster.Eventually(async () => await FinishedRunsAsync(DateTimeOffset.MinValue) >= 3, TimeSpan.FromSeconds(20), "three scheduled checks on two live nodes");

        await cluster.First.KillAsync();
        var killedAt = DateTimeOffset.UtcNow;

        await TwoNodeCluster.Eventually(async () => await FinishedRunsAsync(killedAt.AddSeconds(1)) >= 2, TimeSpan.FromSeconds(30), $"checks after the first node was killed{Environment.NewLine}{cluster.Second.Log}");
        var runs = await cluster.QueryAsync(db => db.OverdueCheckRuns.Where(r => r.Trigger == "schedule")
            .Select(r => new { ScheduledFor = r.ScheduledFor!.Value, r.Executions }).ToListAsync());
        Assert.Equal(runs.Count, runs.Select(r => r.ScheduledFor).Distinct().Count());

        // A run the killed node was in the middle of is recovered by the other (a second execution); no other repeats.
        Assert.All(runs.Where(r => Math.Abs((r.ScheduledFor - killedAt).TotalSeconds) > 3), r => Assert.Equal(1, r.Executions));
        var suspensions = await cluster.QueryAsync(db => db.Suspensions.CountAsync(s => s.CustomerId == customer));
        Assert.Equal(1, suspensions);
    }

    private async Task<int> FinishedRunsAsync(DateTimeOffset scheduledAfter)
    {
        return await cluster.QueryAsync(db => db.OverdueCheckRuns
            .CountAsync(r => r.Trigger == "schedule" && r.EndedAt != null && r.ScheduledFor > scheduledAfter));
    }
}
