using System.Net;
using System.Text;
using System.Text.Json;
using RuleSuspension.Domain.Access;
using RuleSuspension.Server.Tests.Infrastructure;
using static RuleSuspension.Server.Tests.Infrastructure.Api;
using static RuleSuspension.Server.Tests.Workflows.WorkflowSteps;

namespace RuleSuspension.Server.Tests.Incidents;

/// <summary>
/// A workflow of its own per customer whose rule set cannot evaluate (its condition leaves the calendar), so the
/// customer's next invoice faults the instance; and the fixes an operator publishes before retrying.
/// </summary>
internal static class IncidentSteps
{
    /// <summary>Type-checks, but fails at run time: three nested loops over 101 items visit more than the evaluation budget.</summary>
    public static readonly string FailingCondition = PastTheBudget();

    public static string PastTheBudget()
    {
        var list = "[" + string.Join(",", Enumerable.Range(1, 101)) + "]";
        return $"{list}.any(a => {list}.any(b => {list}.any(c => c == a + b + 1000)))";
    }

    public static object RuleSet(string name, string when, string action = "suspend") => new
    {
        name,
        description = "Incident specs: decides on every invoice of one customer.",
        parameters = Array.Empty<object>(),
        rules = new object[]
        {
            new { name = "decide", priority = 10, when, then = new object[] { new { type = action, reasonCode = "investigation", message = "Checked again after the fix." } } },
        },
    };

    public static async Task PutRuleSet(HttpClient admin, string name, string when, string action = "suspend")
    {
        var json = JsonSerializer.Serialize(RuleSet(name, when, action));
        await Expect(await admin.PutAsync($"/api/rulesets/{name}", new StringContent(json, Encoding.UTF8, "application/json")), HttpStatusCode.OK);
    }

    /// <summary>invoice.issued of one customer → EvaluateRuleSet → on Suspend: suspend, lift task; on None: end.</summary>
    public static object Workflow(string id, string customerId, string ruleSet) => new
    {
        id,
        name = "Incident " + id,
        start = "evaluate",
        triggers = new object[] { new { @event = "invoice.issued", filter = $"customer.id == \"{customerId}\"" } },
        activities = new object[]
        {
            new { id = "evaluate", type = "EvaluateRuleSet", properties = new { ruleSet } },
            new { id = "suspend", type = "SuspendCustomer" },
            new { id = "review", type = "HumanTask", properties = new { title = "Review and lift", role = "SuperAdmin", kind = "lift-suspension" } },
            new { id = "lift", type = "LiftSuspension" },
            new { id = "end", type = "End" },
        },
        connections = new object[]
        {
            new { from = "evaluate", outcome = "Suspend", to = "suspend" },
            new { from = "evaluate", outcome = "None", to = "end" },
            new { from = "suspend", outcome = "Suspended", to = "review" },
            new { from = "suspend", outcome = "Skipped", to = "end" },
            new { from = "review", outcome = "Lift", to = "lift" },
            new { from = "review", outcome = "Keep", to = "end" },
            new { from = "lift", outcome = "Done", to = "end" },
        },
    };

    public static object Invoice(string customerId) => Event("invoice.issued", customerId, new
    {
        invoiceId = "inv-" + Guid.NewGuid().ToString("N")[..8], amount = 10, currency = "EUR", issuedAt = "2026-01-01", dueDate = "2026-01-31",
    });

    /// <summary>A customer whose invoice faulted its workflow; answers the customer, the rule set and the faulted instance.</summary>
    public static async Task<(string Customer, string RuleSet, JsonElement Instance)> FaultedInstance(TestServer server)
    {
        var admin = server.Client(Role.Admin);
        var customer = await CreateCustomer(admin);
        var ruleSet = "incident-" + customer;
        await PutRuleSet(admin, ruleSet, FailingCondition);
        await Publish(admin, Workflow("incident-" + customer, customer, ruleSet), "incident-" + customer);
        await Accept(server.Client(Role.Integration), Invoice(customer));
        var instance = await Instance(server.Client(), customer, "incident-" + customer);
        Assert.Equal("faulted", instance.GetProperty("status").GetString());
        return (customer, ruleSet, instance);
    }

    public static Task<HttpResponseMessage> Retry(HttpClient client, JsonElement instance, string? reason = "Fixed the rule set's condition.")
        => client.PostJson($"/api/workflow-instances/{instance.GetProperty("id").GetString()}/retry", new { reason });

    public static Task<HttpResponseMessage> Cancel(HttpClient client, JsonElement instance, string? reason = "The customer left; nothing to decide.")
        => client.PostJson($"/api/workflow-instances/{instance.GetProperty("id").GetString()}/cancel", new { reason });

    public static async Task<IReadOnlyList<JsonElement>> ListedIncidents(HttpClient client, string query = "")
        => (await Get(client, "/api/workflow-instances?status=faulted&limit=500" + query)).EnumerateArray().ToList();
}
