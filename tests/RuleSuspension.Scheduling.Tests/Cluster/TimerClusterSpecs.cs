using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static RuleSuspension.Scheduling.Tests.Cluster.ClusterSteps;

namespace RuleSuspension.Scheduling.Tests.Cluster;

/// <summary>A workflow timer is a trigger in the shared job store: it fires once, on whichever node is alive.</summary>
public sealed class TimerClusterSpecs : IAsyncLifetime
{
    private readonly TwoNodeCluster cluster = new();

    public Task InitializeAsync() => cluster.InitializeAsync();

    public Task DisposeAsync() => cluster.DisposeAsync();

    [Fact]
    public async Task A_timer_set_on_a_node_that_is_then_killed_fires_once_on_the_other()
    {
        var first = cluster.First.Client(cluster.ApiKey);
        var customer = await CreateCustomer(first);
        var workflow = "timed-" + customer;
        await Expect(await first.PutAsJsonAsync($"/api/workflows/{workflow}", DelayedWorkflow(workflow, customer)), HttpStatusCode.OK);
        await Expect(await first.PostAsync($"/api/workflows/{workflow}/publish", null), HttpStatusCode.OK);
        await Expect(await first.PostAsJsonAsync("/api/events", new
        {
            id = "evt-" + Guid.NewGuid().ToString("N"), type = "invoice.issued", occurredAt = DateTimeOffset.UtcNow, customerId = customer,
            data = new { invoiceId = "inv-" + Guid.NewGuid().ToString("N")[..8], amount = 10, currency = "EUR", issuedAt = "2026-01-01", dueDate = "2026-01-31" },
        }), HttpStatusCode.Accepted);

        await cluster.First.KillAsync();

        var second = cluster.Second.Client(cluster.ApiKey);
        await TwoNodeCluster.Eventually(async () => (await InstanceOf(second, customer, workflow)).GetProperty("currentActivityId").GetString() == "listen", TimeSpan.FromSeconds(30), $"the timer on the second node{Environment.NewLine}{cluster.Second.Log}");
        var journal = (await InstanceOf(second, customer, workflow)).GetProperty("journal").EnumerateArray();
        Assert.Single(journal, e => e.GetProperty("activityId").GetString() == "wait" && e.GetProperty("outcome").GetString() == "Done");
    }

    private static async Task<JsonElement> InstanceOf(HttpClient client, string customer, string workflow)
        => Assert.Single((await Expect(await client.GetAsync($"/api/workflow-instances?customerId={customer}"), HttpStatusCode.OK)).EnumerateArray(), i => i.GetProperty("definitionId").GetString() == workflow);

    private static object DelayedWorkflow(string id, string customerId) => new
    {
        id,
        version = 1,
        name = "Timed " + id,
        start = "wait",
        triggers = new object[] { new { @event = "invoice.issued", filter = $"customer.id == \"{customerId}\"" } },
        activities = new object[]
        {
            new { id = "wait", type = "Delay", properties = new { duration = "PT3S" } },
            new { id = "listen", type = "WaitForEvent", properties = new { eventType = "identity.verified", timeout = "P30D" } },
            new { id = "end", type = "End" },
        },
        connections = new object[]
        {
            new { from = "wait", outcome = "Done", to = "listen" },
            new { from = "listen", outcome = "Received", to = "end" },
            new { from = "listen", outcome = "Timeout", to = "end" },
        },
    };
}
