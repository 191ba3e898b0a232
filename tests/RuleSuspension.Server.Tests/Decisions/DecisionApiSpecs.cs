using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Access;
using RuleSuspension.Server.Tests.Infrastructure;
using RuleSuspension.Server.Tests.Jobs;
using static RuleSuspension.Server.Tests.Infrastructure.Api;

namespace RuleSuspension.Server.Tests.Decisions;

public class DecisionApiSpecs(TestServer server) : IClassFixture<TestServer>
{
    private HttpClient Admin => server.Client(Role.Admin);

    /// <summary>A customer suspended by the overdue check (through the shipped overdue-invoices workflow); answers it and its decision.</summary>
    private async Task<(string Customer, JsonElement Decision)> SuspendedByTheOverdueCheck()
    {
        var customer = await JobSteps.Customer(Admin);
        await JobSteps.InvoiceOverdue(Admin, customer, daysOverdue: 45, amount: 120m);
        await JobSteps.RunCheck(Admin);
        var decision = Assert.Single((await Get(Admin, $"/api/decisions?customerId={customer}")).EnumerateArray());
        return (customer, decision);
    }

    private Task<HttpResponseMessage> Replay(string id, Role role = Role.Finance) => server.Client(role).PostAsync($"/api/decisions/{id}/replay", null);

    [Fact]
    public async Task An_automatic_suspension_is_recorded_with_the_rule_set_that_made_it()
    {
        var (_, decision) = await SuspendedByTheOverdueCheck();

        Assert.Equal(("workflow", "data", "non-payment", "suspend", "non-payment"),
            (decision.GetProperty("origin").GetString(), decision.GetProperty("ruleSetKind").GetString(), decision.GetProperty("ruleSetName").GetString(),
             decision.GetProperty("outcome").GetString(), decision.GetProperty("reasonCode").GetString()));
    }

    [Fact]
    public async Task A_record_holds_the_facts_read_and_every_parameter_value_in_effect()
    {
        var (customer, summary) = await SuspendedByTheOverdueCheck();

        var record = await Get(server.Client(Role.Viewer), $"/api/decisions/{summary.GetProperty("id").GetString()}");

        var facts = record.GetProperty("facts");
        Assert.Equal(customer, facts.GetProperty("customer").GetProperty("id").GetString());
        Assert.Equal(45, Assert.Single(facts.GetProperty("invoices").EnumerateArray()).GetProperty("daysOverdue").GetInt32());
        Assert.Equal("2026-03-01", facts.GetProperty("today").GetString());
        Assert.Equal(["graceDays", "warningDays", "minOverdueAmount", "graceDaysByPlan"], record.GetProperty("parameters").EnumerateObject().Select(p => p.Name));
        // The amount's scale is the database's (SQLite gives 120.0, PostgreSQL 120.00).
        Assert.Matches(@"^An invoice is more than 30 days overdue; overdue balance 120\.0+\.$", record.GetProperty("result").GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_journal_step_names_its_decision_record()
    {
        var (customer, decision) = await SuspendedByTheOverdueCheck();

        var instance = Assert.Single((await Get(Admin, $"/api/workflow-instances?customerId={customer}")).EnumerateArray());
        var evaluate = instance.GetProperty("journal").EnumerateArray().First(e => e.GetProperty("activityType").GetString() == "EvaluateRuleSet");
        Assert.Equal(decision.GetProperty("id").GetString(), evaluate.GetProperty("summary").GetProperty("decisionId").GetString());
    }

    [Fact]
    public async Task Replaying_a_stored_decision_answers_same()
    {
        var (_, decision) = await SuspendedByTheOverdueCheck();

        var replay = await Expect(await Replay(decision.GetProperty("id").GetString()!), HttpStatusCode.OK);

        Assert.Equal("same", replay.GetProperty("answer").GetString());
        Assert.Equal(replay.GetProperty("recorded").ToString(), replay.GetProperty("replayed").ToString());
    }

    [Fact]
    public async Task Replaying_a_record_altered_by_hand_answers_different_with_both_results()
    {
        var (_, decision) = await SuspendedByTheOverdueCheck();
        var id = Guid.Parse(decision.GetProperty("id").GetString()!);
        await server.InScopeAsync(async db =>
        {
            var facts = await db.DecisionRecords.Where(d => d.Id == id).Select(d => d.Facts).SingleAsync();
            var altered = facts.Replace("\"daysOverdue\":45", "\"daysOverdue\":3", StringComparison.Ordinal);
            Assert.NotEqual(facts, altered);
            return await db.DecisionRecords.Where(d => d.Id == id).ExecuteUpdateAsync(u => u.SetProperty(d => d.Facts, altered));
        });

        var replay = await Expect(await Replay(id.ToString()), HttpStatusCode.OK);

        Assert.Equal("different", replay.GetProperty("answer").GetString());
        Assert.Equal(("suspend", "none"), (replay.GetProperty("recorded").GetProperty("outcome").GetString(), replay.GetProperty("replayed").GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task Listing_decisions_without_a_customer_is_refused_naming_the_field()
    {
        var problem = await ExpectProblem(await Admin.GetAsync("/api/decisions"), HttpStatusCode.BadRequest);

        Assert.Contains("customerId", problem.ToString());
    }

    [Fact]
    public async Task An_unknown_decision_is_404()
    {
        await ExpectProblem(await Admin.GetAsync($"/api/decisions/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Replaying_an_unknown_decision_is_404()
    {
        await ExpectProblem(await Replay(Guid.NewGuid().ToString()), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(Role.Viewer)]
    [InlineData(Role.Integration)]
    public async Task Replaying_is_forbidden_to(Role role)
    {
        await ExpectProblem(await Replay(Guid.NewGuid().ToString(), role), HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData(Role.Viewer)]
    [InlineData(Role.Integration)]
    [InlineData(Role.Finance)]
    public async Task Reading_decisions_is_open_to_every_role_that_reads_customers(Role role)
    {
        await Expect(await server.Client(role).GetAsync("/api/decisions?customerId=c-nobody"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Decisions_need_a_key()
    {
        await ExpectProblem(await server.Client(role: null).GetAsync("/api/decisions?customerId=c-nobody"), HttpStatusCode.Unauthorized);
    }
}
