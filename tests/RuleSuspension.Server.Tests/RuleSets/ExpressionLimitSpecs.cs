using System.Net;
using System.Text;
using System.Text.Json;
using RuleSuspension.Domain.Access;
using RuleSuspension.Server.Tests.Infrastructure;
using static RuleSuspension.Server.Tests.Infrastructure.Api;

namespace RuleSuspension.Server.Tests.RuleSets;

/// <summary>
/// Issue #10, items 1, 2, 5 and 9 through every route that parses or evaluates an expression: each answer is clean
/// (a validation answer, a 4xx problem, or a decision) and the server keeps serving. Before the rule-language limits
/// the first of these requests ended the test host with a stack overflow.
/// </summary>
public sealed class ExpressionLimitSpecs(TestServer server) : IClassFixture<TestServer>
{
    private static readonly string TenThousandTerms = string.Join("+", Enumerable.Repeat("1", 10_000)) + " > 0";
    private static readonly string TwentyThousandTerms = string.Concat(Enumerable.Repeat("1+", 20_000)) + "1 > 0";
    private static readonly string HundredThousandParentheses = new string('(', 100_000) + "true" + new string(')', 100_000);
    private static readonly string DeepWithinLength = new string('(', 1_500) + "true" + new string(')', 1_500);
    private const string NestedAny = "customer.accountManagers.any(a => customer.accountManagers.any(b => b == a + 'x'))";

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string RuleSet(string name, string when) => JsonSerializer.Serialize(new
    {
        name,
        description = "Hostile input.",
        rules = new[] { new { name = "r", priority = 1, when, then = new[] { new { type = "review", reasonCode = "investigation" } } } },
    });

    private static object Workflow(string id, string filter) => new
    {
        id,
        name = "Hostile " + id,
        start = "end",
        triggers = new object[] { new { @event = "invoice.issued", filter } },
        activities = new object[] { new { id = "end", type = "End" } },
    };

    private async Task StillServing() => await Expect(await server.Client(null).GetAsync("/health"), HttpStatusCode.OK);

    private static string NewName(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    [Theory]
    [InlineData("ten thousand terms")]
    [InlineData("a hundred thousand parentheses")]
    [InlineData("deep within the length limit")]
    public async Task Viewer_validating_a_hostile_expression_gets_an_invalid_answer_and_the_server_keeps_serving(string shape)
    {
        var expression = shape switch
        {
            "ten thousand terms" => TenThousandTerms,
            "a hundred thousand parentheses" => HundredThousandParentheses,
            _ => DeepWithinLength,
        };

        var answer = await Expect(await server.Client(Role.Viewer).PostJson("/api/expressions/validate", new { expression }), HttpStatusCode.OK);

        Assert.False(answer.GetProperty("valid").GetBoolean());
        var error = Assert.Single(answer.GetProperty("errors").EnumerateArray());
        Assert.Equal(1, error.GetProperty("line").GetInt32());
        Assert.True(error.GetProperty("column").GetInt32() >= 1);
        await StillServing();
    }

    [Fact]
    public async Task Validating_a_rule_set_with_a_hostile_condition_names_the_condition()
    {
        var name = NewName("hostile");

        var answer = await Expect(await server.Client(Role.Admin).PostAsync($"/api/rulesets/{name}/validate", Json(RuleSet(name, TenThousandTerms))), HttpStatusCode.OK);

        Assert.False(answer.GetProperty("valid").GetBoolean());
        Assert.Equal("$.rules[0].when", Assert.Single(answer.GetProperty("errors").EnumerateArray()).GetProperty("path").GetString());
        await StillServing();
    }

    [Fact]
    public async Task Saving_a_rule_set_with_a_deep_condition_is_a_400_and_stores_nothing()
    {
        var name = NewName("hostile");
        var admin = server.Client(Role.Admin);

        var problem = await ExpectProblem(await admin.PutAsync($"/api/rulesets/{name}", Json(RuleSet(name, DeepWithinLength))), HttpStatusCode.BadRequest);

        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal("$.rules[0].when", error.GetProperty("path").GetString());
        Assert.Contains("nests deeper than", error.GetProperty("message").GetString());
        await ExpectProblem(await admin.GetAsync($"/api/rulesets/{name}"), HttpStatusCode.NotFound);
        await StillServing();
    }

    [Fact]
    public async Task Saving_a_rule_set_with_a_duration_literal_out_of_range_is_a_400_with_its_position()
    {
        var name = NewName("hostile");

        var problem = await ExpectProblem(
            await server.Client(Role.Admin).PutAsync($"/api/rulesets/{name}", Json(RuleSet(name, "customer.exempt || 99999999999d > 1d"))), HttpStatusCode.BadRequest);

        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal((1, 20), (error.GetProperty("line").GetInt32(), error.GetProperty("column").GetInt32()));
        Assert.Contains("out of range", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Validating_a_workflow_with_a_hostile_filter_lists_the_error()
    {
        var answer = await Expect(await server.Client(Role.Admin).PostJson("/api/workflows/validate", Workflow(NewName("hostile"), TwentyThousandTerms)), HttpStatusCode.OK);

        Assert.False(answer.GetProperty("valid").GetBoolean());
        Assert.Contains(answer.GetProperty("errors").EnumerateArray(), e => e.GetProperty("path").GetString() == "$.triggers[0].filter");
        await StillServing();
    }

    [Fact]
    public async Task A_draft_with_a_hostile_filter_is_saved_as_invalid_and_every_publish_is_a_clean_400()
    {
        var id = NewName("hostile");
        var admin = server.Client(Role.Admin);

        var draft = await Expect(await admin.PutJson($"/api/workflows/{id}", Workflow(id, TwentyThousandTerms)), HttpStatusCode.OK);
        Assert.False(draft.GetProperty("validation").GetProperty("valid").GetBoolean());

        for (var attempt = 0; attempt < 2; attempt++)
        {
            var problem = await ExpectProblem(await admin.PostAsync($"/api/workflows/{id}/publish", null), HttpStatusCode.BadRequest);
            Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("path").GetString() == "$.triggers[0].filter");
        }

        Assert.Equal("draft", (await Get(admin, $"/api/workflows/{id}")).GetProperty("status").GetString());
        await StillServing();
    }

    [Fact]
    public async Task Out_of_range_arithmetic_and_dates_evaluate_to_a_decision_not_a_500()
    {
        var name = NewName("overflow");
        var when = "addDays(today, 99999999) == null && date('9999-12-31') + 1d == null && customer.tags[2147483648] == null"
            + " && invoices.sum(i => i.amount) == null";
        await Expect(await server.Client(Role.Admin).PutAsync($"/api/rulesets/{name}", Json(RuleSet(name, when))), HttpStatusCode.OK);
        var huge = new { id = "inv-1", amount = 79228162514264337593543950335m, currency = "EUR", issuedAt = "2026-01-01", dueDate = "2026-01-31" };

        var answer = await Expect(await server.Client(Role.Finance).PostJson($"/api/rulesets/{name}/evaluate", new
        {
            facts = new { customer = new { id = "c-1" }, invoices = new[] { huge, huge with { id = "inv-2" } }, today = "2026-03-01" },
        }), HttpStatusCode.OK);

        Assert.Equal("review", answer.GetProperty("decision").GetProperty("outcome").GetString(), ignoreCase: true);
    }

    [Fact]
    public async Task Nested_loops_over_ten_thousand_managers_end_the_evaluation_with_a_422()
    {
        var name = NewName("budget");
        await Expect(await server.Client(Role.Admin).PutAsync($"/api/rulesets/{name}", Json(RuleSet(name, NestedAny))), HttpStatusCode.OK);
        var managers = Enumerable.Range(0, 10_000).Select(i => $"am{i}@host.test").ToArray();

        var problem = await ExpectProblem(await server.Client(Role.Finance).PostJson($"/api/rulesets/{name}/evaluate", new
        {
            facts = new { customer = new { id = "c-1", accountManagers = managers }, today = "2026-03-01" },
        }), HttpStatusCode.UnprocessableEntity);

        Assert.Contains("evaluation budget", problem.GetProperty("detail").GetString());
        await StillServing();
    }
}
