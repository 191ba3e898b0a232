using System.Net;
using System.Text.Json;
using RuleSuspension.Domain.Access;
using RuleSuspension.Server.Tests.Infrastructure;
using static RuleSuspension.Server.Tests.Infrastructure.Api;

namespace RuleSuspension.Server.Tests.Jobs;

/// <summary>Workflow timers are Quartz triggers in the persistent job store: they survive a restart.</summary>
public class TimerSpecs(TestServer server) : IClassFixture<TestServer>
{
    [Fact]
    public async Task A_delay_set_before_a_restart_fires_after_it()
    {
        var customer = await JobSteps.Customer(server.Client());
        var workflow = "timed-" + customer;
        await Expect(await server.Client().PutJson($"/api/workflows/{workflow}", DelayedWorkflow(workflow, customer, "PT3S")), HttpStatusCode.OK);
        await Expect(await server.Client().PostAsync($"/api/workflows/{workflow}/publish", null), HttpStatusCode.OK);
        await Expect(await PostEvent(server.Client(Role.Integration), InvoiceIssued(customer)), HttpStatusCode.Accepted);
        Assert.Equal("wait", (await InstanceOf(customer)).GetProperty("currentActivityId").GetString());

        await server.RestartAsync();

        await Eventually(async () => (await InstanceOf(customer)).GetProperty("currentActivityId").GetString() == "listen");
        var journal = (await InstanceOf(customer)).GetProperty("journal").EnumerateArray().ToList();
        Assert.Single(journal, e => e.GetProperty("activityId").GetString() == "wait" && e.GetProperty("outcome").GetString() == "Done");
    }

    [Fact]
    public async Task A_pending_timer_shows_in_the_jobs_list()
    {
        var customer = await JobSteps.Customer(server.Client());
        var workflow = "timed-" + customer;
        await Expect(await server.Client().PutJson($"/api/workflows/{workflow}", DelayedWorkflow(workflow, customer, "P1D")), HttpStatusCode.OK);
        await Expect(await server.Client().PostAsync($"/api/workflows/{workflow}/publish", null), HttpStatusCode.OK);

        await Expect(await PostEvent(server.Client(Role.Integration), InvoiceIssued(customer)), HttpStatusCode.Accepted);

        var timers = Assert.Single((await Get(server.Client(), "/api/jobs")).EnumerateArray(), j => j.GetProperty("name").GetString() == "workflow-timer");
        Assert.True(timers.GetProperty("triggers").GetInt32() >= 1);
        Assert.True(timers.GetProperty("nextFireTime").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(23));
    }

    /// <summary>invoice.issued for one customer → Delay → WaitForEvent identity.verified (or timeout) → End.</summary>
    internal static object DelayedWorkflow(string id, string customerId, string delay) => new
    {
        id,
        version = 1,
        name = "Timed " + id,
        start = "wait",
        triggers = new object[] { new { @event = "invoice.issued", filter = $"customer.id == \"{customerId}\"" } },
        activities = new object[]
        {
            new { id = "wait", type = "Delay", properties = new { duration = delay } },
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

    internal static object InvoiceIssued(string customerId) => Event("invoice.issued", customerId, new
    {
        invoiceId = "inv-" + Guid.NewGuid().ToString("N")[..8], amount = 10, currency = "EUR", issuedAt = "2026-01-01", dueDate = "2026-01-31",
    });

    private async Task<JsonElement> InstanceOf(string customerId)
        => Assert.Single((await Get(server.Client(), $"/api/workflow-instances?customerId={customerId}")).EnumerateArray());

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold in time.");
            await Task.Delay(200);
        }
    }
}
