using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using RuleSuspension.Domain.Access;
using RuleSuspension.Server.Tests.Infrastructure;
using static RuleSuspension.Server.Tests.Incidents.IncidentSteps;
using static RuleSuspension.Server.Tests.Infrastructure.Api;
using static RuleSuspension.Server.Tests.Jobs.JobSteps;

namespace RuleSuspension.Server.Tests.Incidents;

/// <summary>
/// The overdue check's failed customers link to their incidents. A server of its own: it publishes an
/// <c>overdue-invoices</c> whose rule set cannot evaluate, which every other spec's check would run.
/// </summary>
public sealed class OverdueIncidentSpecs : IAsyncLifetime
{
    private readonly TestServer _server = new();

    private HttpClient Admin => _server.Client(Role.Admin);

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task A_customer_whose_overdue_workflow_faulted_is_a_failure_of_the_run_naming_the_incident()
    {
        var customer = await Customer(Admin);
        await InvoiceOverdue(Admin, customer, daysOverdue: 40);
        await PublishOverdueWorkflowEvaluating("overdue-broken");

        var run = await RunCheck(Admin);

        Assert.Equal(("completed-with-failures", 1, 0), (run.GetProperty("status").GetString(), run.GetProperty("failed").GetInt32(), run.GetProperty("suspended").GetInt32()));
        var failure = Assert.Single(run.GetProperty("failures").EnumerateArray());
        var incident = Assert.Single(await ListedIncidents(Admin, $"&customerId={customer}"));
        Assert.Equal(incident.GetProperty("id").GetString(), failure.GetProperty("workflowInstanceId").GetString());
        Assert.Equal(customer, failure.GetProperty("customerId").GetString());
    }

    [Fact]
    public async Task The_incident_of_an_overdue_run_retried_after_the_fix_suspends_the_customer()
    {
        var customer = await Customer(Admin);
        await InvoiceOverdue(Admin, customer, daysOverdue: 40);
        await PublishOverdueWorkflowEvaluating("overdue-broken");
        var run = await RunCheck(Admin);
        var incident = Assert.Single(await ListedIncidents(Admin, $"&customerId={customer}"));
        await PutRuleSet(Admin, "overdue-broken", "invoices.any(i => i.amountDue > 0)");

        var retried = await Expect(await Retry(Admin, incident), HttpStatusCode.OK);

        Assert.Equal("completed-with-failures", run.GetProperty("status").GetString());
        Assert.Equal("waiting", retried.GetProperty("status").GetString());
        Assert.Equal("suspended", await Status(Admin, customer));
    }

    /// <summary>A new published version of the shipped overdue workflow, its EvaluateRuleSet reading a rule set that fails.</summary>
    private async Task PublishOverdueWorkflowEvaluating(string ruleSet)
    {
        await PutRuleSet(Admin, ruleSet, FailingCondition);
        var workflow = JsonNode.Parse((await Get(Admin, "/api/workflows/overdue-invoices")).GetRawText())!.AsObject();
        foreach (var key in new[] { "status", "createdAt", "publishedAt", "version" })
        {
            workflow.Remove(key);
        }

        var evaluate = workflow["activities"]!.AsArray().Single(a => a!["type"]!.GetValue<string>() == "EvaluateRuleSet")!;
        evaluate["properties"]!["ruleSet"] = ruleSet;
        var content = new StringContent(workflow.ToJsonString(), Encoding.UTF8, "application/json");
        await Expect(await Admin.PutAsync("/api/workflows/overdue-invoices", content), HttpStatusCode.OK);
        await Expect(await Admin.PostAsync("/api/workflows/overdue-invoices/publish", null), HttpStatusCode.OK);
    }
}
