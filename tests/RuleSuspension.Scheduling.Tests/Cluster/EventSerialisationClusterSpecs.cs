using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Tasks;
using static RuleSuspension.Scheduling.Tests.Cluster.ClusterSteps;

namespace RuleSuspension.Scheduling.Tests.Cluster;

/// <summary>Events of one customer sent to both nodes at once are handled one at a time (a database lock per customer).</summary>
public sealed class EventSerialisationClusterSpecs : IAsyncLifetime
{
    private const int Events = 20;
    private readonly TwoNodeCluster cluster = new();

    public Task InitializeAsync() => cluster.InitializeAsync();

    public Task DisposeAsync() => cluster.DisposeAsync();

    [Fact]
    public async Task Suspending_events_posted_to_both_nodes_at_once_leave_one_suspension_and_one_lift_task()
    {
        var nodes = new[] { cluster.First.Client(cluster.ApiKey), cluster.Second.Client(cluster.ApiKey) };
        var customer = await CreateCustomer(nodes[0]);

        var responses = await Task.WhenAll(Enumerable.Range(0, Events).Select(i => nodes[i % 2].PostAsJsonAsync("/api/events", new
        {
            id = $"evt-{customer}-{i}", type = "crm.opportunity-added", occurredAt = DateTimeOffset.UtcNow, customerId = customer,
            data = new { opportunityId = $"opp-{i}", boardId = "b-1", boardName = "Accounts", stage = "Deactivate Account", value = 100 },
        })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var counts = await cluster.QueryAsync(async db => (
            Suspensions: await db.Suspensions.LongCountAsync(s => s.CustomerId == customer),
            OpenTasks: await db.Tasks.LongCountAsync(t => t.CustomerId == customer && t.Status == HumanTaskStatus.Open),
            Events: await db.Events.LongCountAsync(e => e.CustomerId == customer)));
        Assert.Equal((1L, 1L, (long)Events), counts);
    }
}
