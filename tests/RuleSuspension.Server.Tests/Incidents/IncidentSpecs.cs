using System.Net;
using System.Net.Http.Json;
using RuleSuspension.Domain.Access;
using RuleSuspension.Server.Tests.Infrastructure;
using static RuleSuspension.Server.Tests.Incidents.IncidentSteps;
using static RuleSuspension.Server.Tests.Infrastructure.Api;
using static RuleSuspension.Server.Tests.Workflows.WorkflowSteps;

namespace RuleSuspension.Server.Tests.Incidents;

/// <summary>DESIGN §6 incidents: a faulted instance is listed, retried after a fix, or cancelled, by a person with a reason.</summary>
public sealed class IncidentSpecs(TestServer server) : IClassFixture<TestServer>
{
    private HttpClient Admin => server.Client(Role.Admin);

    [Fact]
    public async Task Faulted_instance_is_listed_with_its_step_error_time_and_customer()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var (customer, _, faulted) = await FaultedInstance(server);

        var listed = Assert.Single(await ListedIncidents(server.Client(Role.Viewer), $"&customerId={customer}"));

        var incident = listed.GetProperty("incident");
        Assert.Equal(faulted.GetProperty("id").GetString(), listed.GetProperty("id").GetString());
        Assert.Equal(("evaluate", "EvaluateRuleSet"), (incident.GetProperty("activityId").GetString(), incident.GetProperty("activityType").GetString()));
        Assert.Contains("evaluation budget", incident.GetProperty("error").GetString());
        Assert.InRange(incident.GetProperty("at").GetDateTimeOffset(), before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal((customer, "Acme " + customer), (incident.GetProperty("customerId").GetString(), incident.GetProperty("customerName").GetString()));
    }

    [Fact]
    public async Task Status_is_matched_in_any_case()
        => await Expect(await server.Client().GetAsync("/api/workflow-instances?status=FAULTED"), HttpStatusCode.OK);

    [Fact]
    public async Task Incidents_are_paged_with_the_total_in_a_header()
    {
        await FaultedInstance(server);
        await FaultedInstance(server);

        var response = await server.Client().GetAsync("/api/workflow-instances?status=faulted&offset=1&limit=1");

        var page = await Expect(response, HttpStatusCode.OK);
        Assert.Equal(1, page.GetArrayLength());
        Assert.True(int.Parse(response.Headers.GetValues("X-Total-Count").Single()) >= 2);
    }

    [Theory]
    [InlineData("broken")]
    [InlineData("3")]
    [InlineData("faulted,waiting")]
    public async Task Unknown_status_is_refused_naming_status(string status)
    {
        var problem = await ExpectProblem(await server.Client().GetAsync($"/api/workflow-instances?status={status}"), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("status", out _));
    }

    [Fact]
    public async Task Retry_after_publishing_a_fixed_rule_set_suspends_as_the_fix_decides()
    {
        var (customer, ruleSet, faulted) = await FaultedInstance(server);
        await PutRuleSet(Admin, ruleSet, "true", action: "suspend");

        var retried = await Expect(await Retry(Admin, faulted), HttpStatusCode.OK);

        Assert.Equal("waiting", retried.GetProperty("status").GetString());
        Assert.Equal("review", retried.GetProperty("currentActivityId").GetString());
        var suspension = (await Customer(server.Client(), customer)).GetProperty("suspension");
        Assert.Equal("investigation", suspension.GetProperty("reasonCode").GetString());
        Assert.Equal("lift-suspension", (await OpenLiftTask(server.Client(), customer)).GetProperty("kind").GetString());
        Assert.DoesNotContain(await ListedIncidents(server.Client(), $"&customerId={customer}"), _ => true);
    }

    [Fact]
    public async Task Retry_after_publishing_a_fix_that_decides_nothing_completes_the_instance()
    {
        var (customer, ruleSet, faulted) = await FaultedInstance(server);
        await PutRuleSet(Admin, ruleSet, "false");

        var retried = await Expect(await Retry(Admin, faulted), HttpStatusCode.OK);

        Assert.Equal("completed", retried.GetProperty("status").GetString());
        Assert.Equal(["evaluate:Faulted", "evaluate:Retried", "evaluate:None", "end:Done"], Path(retried));
        Assert.Equal("active", await Status(server.Client(), customer));
    }

    [Fact]
    public async Task Retry_runs_the_instance_own_workflow_version_after_a_newer_one_is_published()
    {
        var (customer, ruleSet, faulted) = await FaultedInstance(server);
        var workflow = faulted.GetProperty("definitionId").GetString()!;
        var otherRuleSet = ruleSet + "-v2";
        await PutRuleSet(Admin, otherRuleSet, "true");
        await Publish(Admin, Workflow(workflow, customer, otherRuleSet), workflow);
        await PutRuleSet(Admin, ruleSet, "false");

        var retried = await Expect(await Retry(Admin, faulted), HttpStatusCode.OK);

        Assert.Equal(faulted.GetProperty("definitionVersion").GetInt32(), retried.GetProperty("definitionVersion").GetInt32());
        Assert.Equal(ruleSet, retried.GetProperty("decision").GetProperty("ruleSet").GetString());
        Assert.Equal("active", await Status(server.Client(), customer));
    }

    [Fact]
    public async Task Retry_that_fails_again_leaves_the_instance_faulted()
    {
        var (_, _, faulted) = await FaultedInstance(server);

        var retried = await Expect(await Retry(Admin, faulted), HttpStatusCode.OK);

        Assert.Equal("faulted", retried.GetProperty("status").GetString());
        Assert.Equal(["evaluate:Faulted", "evaluate:Retried", "evaluate:Faulted"], Path(retried));
    }

    [Fact]
    public async Task Cancel_ends_a_faulted_instance()
    {
        var (customer, _, faulted) = await FaultedInstance(server);

        var cancelled = await Expect(await Cancel(Admin, faulted), HttpStatusCode.OK);

        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal("cancelled", (await Instance(server.Client(), customer, faulted.GetProperty("definitionId").GetString()!)).GetProperty("status").GetString());
        Assert.DoesNotContain(await ListedIncidents(server.Client(), $"&customerId={customer}"), _ => true);
        Assert.Equal("active", await Status(server.Client(), customer));
    }

    [Fact]
    public async Task Cancelled_instance_cannot_be_retried()
    {
        var (_, _, faulted) = await FaultedInstance(server);
        await Expect(await Cancel(Admin, faulted), HttpStatusCode.OK);

        var problem = await ExpectProblem(await Retry(Admin, faulted), HttpStatusCode.Conflict);

        Assert.Contains("not faulted", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Retry_of_an_instance_that_is_not_faulted_is_409()
    {
        var customer = NewCustomerId();
        await Accept(server.Client(Role.Integration), SignUp(customer, identityVerified: false));
        var waiting = await Instance(server.Client(), customer, "signup-identity-check");

        await ExpectProblem(await Retry(Admin, waiting), HttpStatusCode.Conflict);

        Assert.Equal("waiting", (await Instance(server.Client(), customer, "signup-identity-check")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Cancel_of_an_instance_that_is_not_faulted_is_409()
    {
        var customer = NewCustomerId();
        await Accept(server.Client(Role.Integration), SignUp(customer, identityVerified: false));
        var waiting = await Instance(server.Client(), customer, "signup-identity-check");

        await ExpectProblem(await Cancel(Admin, waiting), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Retry_of_an_unknown_instance_is_404()
        => await ExpectProblem(await server.Client().PostJson($"/api/workflow-instances/{Guid.NewGuid()}/retry", new { reason = "Fixed." }), HttpStatusCode.NotFound);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \t ")]
    [InlineData("\u0007")]
    public async Task Retry_without_a_visible_reason_is_refused_and_changes_nothing(string? reason)
    {
        var (customer, ruleSet, faulted) = await FaultedInstance(server);
        await PutRuleSet(Admin, ruleSet, "true");

        var problem = await ExpectProblem(await Retry(Admin, faulted, reason), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal("faulted", (await Instance(server.Client(), customer, faulted.GetProperty("definitionId").GetString()!)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Cancel_without_a_reason_is_refused()
    {
        var (_, _, faulted) = await FaultedInstance(server);

        var problem = await ExpectProblem(await Cancel(Admin, faulted, reason: null), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
    }

    [Fact]
    public async Task Retry_is_audited_with_who_and_why()
    {
        var (customer, ruleSet, faulted) = await FaultedInstance(server);
        await PutRuleSet(Admin, ruleSet, "false");

        await Expect(await Retry(Admin, faulted, "Condition fixed in version 2."), HttpStatusCode.OK);

        var entry = Assert.Single((await Get(server.Client(), $"/api/audit?customerId={customer}&limit=500")).EnumerateArray(),
            e => e.GetProperty("action").GetString() == "workflow-instance.retried");
        Assert.Equal("test-admin (Admin)", entry.GetProperty("actor").GetString());
        var details = entry.GetProperty("details");
        Assert.Equal("Condition fixed in version 2.", details.GetProperty("reason").GetString());
        Assert.Equal(faulted.GetProperty("id").GetString(), details.GetProperty("instanceId").GetString());
        Assert.Equal("completed", details.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Cancel_is_audited_with_who_and_why()
    {
        var (customer, _, faulted) = await FaultedInstance(server);

        await Expect(await Cancel(server.Client(Role.SuperAdmin), faulted, "Customer closed the account."), HttpStatusCode.OK);

        var entry = Assert.Single((await Get(server.Client(), $"/api/audit?customerId={customer}&limit=500")).EnumerateArray(),
            e => e.GetProperty("action").GetString() == "workflow-instance.cancelled");
        Assert.Equal("Customer closed the account.", entry.GetProperty("details").GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData(Role.Viewer, "retry")]
    [InlineData(Role.Finance, "retry")]
    [InlineData(Role.Integration, "retry")]
    [InlineData(Role.Viewer, "cancel")]
    [InlineData(Role.Finance, "cancel")]
    [InlineData(Role.Integration, "cancel")]
    public async Task Mending_an_incident_is_refused_to_roles_other_than_admin_and_super_admin(Role role, string action)
    {
        var (customer, _, faulted) = await FaultedInstance(server);

        var response = await server.Client(role).PostAsJsonAsync($"/api/workflow-instances/{faulted.GetProperty("id").GetString()}/{action}", new { reason = "Trying." });

        await ExpectProblem(response, HttpStatusCode.Forbidden);
        Assert.Equal("faulted", (await Instance(server.Client(), customer, faulted.GetProperty("definitionId").GetString()!)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Listing_incidents_is_refused_to_integration()
        => await ExpectProblem(await server.Client(Role.Integration).GetAsync("/api/workflow-instances?status=faulted"), HttpStatusCode.Forbidden);
}
