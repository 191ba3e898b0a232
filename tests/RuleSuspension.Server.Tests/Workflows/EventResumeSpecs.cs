using System.Net;
using RuleSuspension.Domain.Access;
using RuleSuspension.Server.Tests.Infrastructure;
using static RuleSuspension.Server.Tests.Infrastructure.Api;

namespace RuleSuspension.Server.Tests.Workflows;

/// <summary>
/// An event looks up the customer's waiting instances only when some stored workflow waits for its type; these specs
/// keep that short cut honest when the catalogue changes and for a customer that signs up.
/// </summary>
public class EventResumeSpecs(TestServer server) : IClassFixture<TestServer>
{
    [Fact]
    public async Task An_event_resumes_an_instance_of_a_workflow_published_after_events_of_its_type_were_handled()
    {
        var integration = server.Client(Role.Integration);
        var before = await CreateCustomer(server.Client());
        await Expect(await PostEvent(integration, Event("identity.verified", before, new { })), HttpStatusCode.Accepted);
        var customer = await CreateCustomer(server.Client());
        await Publish(ListeningWorkflow("listen-" + customer, "invoice.issued", customer));
        await Expect(await PostEvent(integration, InvoiceIssued(customer)), HttpStatusCode.Accepted);

        await Expect(await PostEvent(integration, Event("identity.verified", customer, new { })), HttpStatusCode.Accepted);

        var instance = Assert.Single((await Get(server.Client(), $"/api/workflow-instances?customerId={customer}")).EnumerateArray());
        Assert.Equal("completed", instance.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_sign_up_that_starts_a_waiting_workflow_leaves_it_waiting_for_the_next_event()
    {
        var integration = server.Client(Role.Integration);
        var customer = "c-" + Guid.NewGuid().ToString("N")[..10];
        await Publish(ListeningWorkflow("signup-listen-" + customer, "customer.signed-up", customer));

        await Expect(await PostEvent(integration, Event("customer.signed-up", customer, new
        {
            customer = new { name = "Listening Co", email = "owner@listening.test", tenantId = "t-1", planId = "pro", identityVerified = true },
        })), HttpStatusCode.Accepted);
        var waiting = await InstanceOf(customer, "signup-listen-" + customer);
        await Expect(await PostEvent(integration, Event("identity.verified", customer, new { })), HttpStatusCode.Accepted);

        Assert.Equal("waiting", waiting.GetProperty("status").GetString());
        Assert.Equal("completed", (await InstanceOf(customer, "signup-listen-" + customer)).GetProperty("status").GetString());
    }

    private async Task Publish(object workflow)
    {
        var id = (string)workflow.GetType().GetProperty("id")!.GetValue(workflow)!;
        await Expect(await server.Client().PutJson($"/api/workflows/{id}", workflow), HttpStatusCode.OK);
        await Expect(await server.Client().PostAsync($"/api/workflows/{id}/publish", null), HttpStatusCode.OK);
    }

    private async Task<System.Text.Json.JsonElement> InstanceOf(string customer, string workflow)
        => Assert.Single((await Get(server.Client(), $"/api/workflow-instances?customerId={customer}")).EnumerateArray(),
            i => i.GetProperty("definitionId").GetString() == workflow);

    /// <summary>Started by <paramref name="trigger"/> for one customer, it waits for identity.verified, then ends.</summary>
    private static object ListeningWorkflow(string id, string trigger, string customerId) => new
    {
        id,
        version = 1,
        name = "Listening " + id,
        start = "listen",
        triggers = new object[] { new { @event = trigger, filter = $"customer.id == \"{customerId}\"" } },
        activities = new object[]
        {
            new { id = "listen", type = "WaitForEvent", properties = new { eventType = "identity.verified" } },
            new { id = "end", type = "End" },
        },
        connections = new object[] { new { from = "listen", outcome = "Received", to = "end" } },
    };

    private static object InvoiceIssued(string customerId) => Event("invoice.issued", customerId, new
    {
        invoiceId = "inv-" + Guid.NewGuid().ToString("N")[..8], amount = 10, currency = "EUR", issuedAt = "2026-01-01", dueDate = "2026-01-31",
    });
}
