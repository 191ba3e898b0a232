using System.Net;
using System.Text;
using System.Text.Json;
using RuleSuspension.Domain.Access;
using RuleSuspension.Server.Tests.Infrastructure;
using static RuleSuspension.Server.Tests.Infrastructure.Api;

namespace RuleSuspension.Server.Tests.RuleSets;

public class RuleSetApiSpecs(TestServer server) : IClassFixture<TestServer>
{
    private const string ValidDocument = """
        {
          "name": "vip-review",
          "description": "Flags VIP customers with a large opportunity for review.",
          "parameters": [ { "name": "threshold", "type": "number", "default": 1000, "min": 0, "description": "Opportunity value that needs a look." } ],
          "rules": [
            { "name": "big-vip", "priority": 10, "when": "customer.tags.any(t => t == 'vip') && opportunity != null && opportunity.value >= params.threshold",
              "then": [ { "type": "review", "reasonCode": "investigation", "message": "VIP with an opportunity of {opportunity.value}" } ] }
          ]
        }
        """;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<string> OverdueCustomer(int daysOverdue)
    {
        var client = server.Client();
        var id = await CreateCustomer(client);
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-daysOverdue);
        await Expect(await client.PutJson($"/api/invoices/inv-{id}", new { customerId = id, amount = 80m, currency = "EUR", issuedAt = due.AddDays(-14), dueDate = due }), HttpStatusCode.Created);
        return id;
    }

    [Fact]
    public async Task Shipped_rule_sets_are_loaded_at_start()
    {
        var list = await Get(server.Client(Role.Viewer), "/api/rulesets");

        var names = list.EnumerateArray().Select(r => r.GetProperty("name").GetString()).ToList();
        Assert.Superset(new HashSet<string?> { "signup", "plan-change", "crm-opportunity", "non-payment" }, names.ToHashSet());
    }

    [Fact]
    public async Task A_restart_does_not_reload_unchanged_rule_sets()
    {
        var before = (await Get(server.Client(), "/api/rulesets/signup")).GetProperty("version").GetInt32();

        await server.RestartAsync();

        Assert.Equal(before, (await Get(server.Client(), "/api/rulesets/signup")).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Non_payment_shows_its_thresholds_with_bounds_and_descriptions()
    {
        var ruleSet = await Get(server.Client(Role.Finance), "/api/rulesets/non-payment");

        var grace = ruleSet.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "graceDays");
        Assert.Equal(0, grace.GetProperty("min").GetInt32());
        Assert.Equal(365, grace.GetProperty("max").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(grace.GetProperty("description").GetString()));
    }

    [Fact]
    public async Task Invalid_document_lists_every_error_not_just_the_first()
    {
        var broken = ValidDocument
            .Replace("opportunity.value >= params.threshold", "opportunity.value >= params.treshold")
            .Replace("VIP with an opportunity of {opportunity.value}", "VIP with {opportunity.valeu}");

        var response = await server.Client(Role.Admin).PutAsync("/api/rulesets/vip-review", Json(broken));

        var problem = await ExpectProblem(response, HttpStatusCode.BadRequest);
        var paths = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToList();
        Assert.Contains("$.rules[0].when", paths);
        Assert.Contains("$.rules[0].then[0].message", paths);
    }

    [Fact]
    public async Task Expression_error_in_a_rule_gives_line_and_column()
    {
        var broken = ValidDocument.Replace("opportunity.value >= params.threshold", "opportunity.value >= params.treshold");

        var response = await server.Client(Role.Admin).PutAsync("/api/rulesets/vip-review", Json(broken));

        var problem = await ExpectProblem(response, HttpStatusCode.BadRequest);
        var error = problem.GetProperty("errors")[0];
        Assert.Equal("$.rules[0].when", error.GetProperty("path").GetString());
        Assert.Equal(1, error.GetProperty("line").GetInt32());
        Assert.True(error.GetProperty("column").GetInt32() > 40);
        Assert.Contains("treshold", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Malformed_json_document_gives_line_and_column()
    {
        var response = await server.Client(Role.Admin).PutAsync("/api/rulesets/vip-review", Json("{\n  \"name\": \"vip-review\",\n  \"rules\": [ oops ]\n}"));

        var problem = await ExpectProblem(response, HttpStatusCode.BadRequest);
        var error = problem.GetProperty("errors")[0];
        Assert.Equal(3, error.GetProperty("line").GetInt32());
        Assert.True(error.GetProperty("column").GetInt32() > 0);
    }

    [Fact]
    public async Task Saving_a_valid_document_makes_a_new_version()
    {
        var admin = server.Client(Role.Admin);

        var first = await Expect(await admin.PutAsync("/api/rulesets/vip-review", Json(ValidDocument)), HttpStatusCode.OK);
        var second = await Expect(await admin.PutAsync("/api/rulesets/vip-review", Json(ValidDocument.Replace("needs a look", "needs a second look"))), HttpStatusCode.OK);
        var versions = await Get(admin, "/api/rulesets/vip-review/versions");

        Assert.Equal(first.GetProperty("version").GetInt32() + 1, second.GetProperty("version").GetInt32());
        Assert.Equal(second.GetProperty("version").GetInt32(), versions[0].GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Validate_answers_without_saving()
    {
        var admin = server.Client(Role.Admin);

        var answer = await Expect(await admin.PostAsync("/api/rulesets/never-saved/validate", Json(ValidDocument.Replace("vip-review", "never-saved"))), HttpStatusCode.OK);

        Assert.True(answer.GetProperty("valid").GetBoolean());
        await ExpectProblem(await admin.GetAsync("/api/rulesets/never-saved"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Finance_changes_grace_days_and_the_history_shows_old_and_new()
    {
        var finance = server.Client(Role.Finance);
        var before = await Get(finance, "/api/rulesets/non-payment");

        var after = await Expect(await finance.PutJson("/api/rulesets/non-payment/parameters", new { values = new { graceDays = 45 } }), HttpStatusCode.OK);
        var history = await Get(finance, "/api/rulesets/non-payment/parameters/history");

        Assert.Equal(before.GetProperty("version").GetInt32() + 1, after.GetProperty("version").GetInt32());
        Assert.Equal(45, after.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "graceDays").GetProperty("value").GetInt32());
        var change = history[0].GetProperty("changes")[0];
        Assert.Equal("graceDays", change.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Number, change.GetProperty("old").ValueKind);
        Assert.Equal(45, change.GetProperty("new").GetInt32());
        Assert.Equal("test-finance (Finance)", history[0].GetProperty("by").GetString());
    }

    [Fact]
    public async Task Threshold_out_of_bounds_is_refused_and_changes_nothing()
    {
        var finance = server.Client(Role.Finance);
        var before = (await Get(finance, "/api/rulesets/non-payment")).GetProperty("version").GetInt32();

        var problem = await ExpectProblem(await finance.PutJson("/api/rulesets/non-payment/parameters", new { values = new { graceDays = 400 } }), HttpStatusCode.BadRequest);

        Assert.Equal("$.values.graceDays", problem.GetProperty("errors")[0].GetProperty("path").GetString());
        Assert.Equal(before, (await Get(finance, "/api/rulesets/non-payment")).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Unknown_threshold_is_refused()
    {
        var problem = await ExpectProblem(await server.Client(Role.Finance).PutJson("/api/rulesets/non-payment/parameters", new { values = new { gracePeriod = 10 } }), HttpStatusCode.BadRequest);

        Assert.Contains("gracePeriod", problem.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Admins_may_not_set_thresholds()
        => await ExpectProblem(await server.Client(Role.Admin).PutJson("/api/rulesets/non-payment/parameters", new { values = new { graceDays = 10 } }), HttpStatusCode.Forbidden);

    [Fact]
    public async Task Finance_may_not_edit_rules()
        => await ExpectProblem(await server.Client(Role.Finance).PutAsync("/api/rulesets/vip-review", Json(ValidDocument)), HttpStatusCode.Forbidden);

    [Fact]
    public async Task Integration_may_not_read_rule_sets()
        => await ExpectProblem(await server.Client(Role.Integration).GetAsync("/api/rulesets"), HttpStatusCode.Forbidden);

    [Fact]
    public async Task Dry_run_on_a_stored_customer_explains_and_changes_nothing()
    {
        var id = await OverdueCustomer(daysOverdue: 200);

        var result = await Expect(await server.Client(Role.Finance).PostJson("/api/rulesets/non-payment/evaluate", new { customerId = id }), HttpStatusCode.OK);

        var decision = result.GetProperty("decision");
        Assert.Equal("suspend", decision.GetProperty("outcome").GetString(), ignoreCase: true);
        Assert.Equal("non-payment", decision.GetProperty("reasonCode").GetString());
        Assert.True(decision.GetProperty("explanation").GetProperty("rules").GetArrayLength() >= 4);
        Assert.Equal("active", (await Get(server.Client(), $"/api/customers/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Dry_run_with_other_thresholds_uses_them()
    {
        var id = await OverdueCustomer(daysOverdue: 20);

        var result = await Expect(await server.Client(Role.Admin).PostJson("/api/rulesets/non-payment/evaluate", new { customerId = id, parameters = new { graceDays = 10 } }), HttpStatusCode.OK);

        Assert.Equal("suspend", result.GetProperty("decision").GetProperty("outcome").GetString(), ignoreCase: true);
    }

    [Fact]
    public async Task Simulation_counts_decisions_over_all_customers()
    {
        await OverdueCustomer(daysOverdue: 300);

        var result = await Expect(await server.Client(Role.Finance).PostJson("/api/rulesets/non-payment/simulate", new { }), HttpStatusCode.OK);

        Assert.True(result.GetProperty("customers").GetInt32() >= 1);
        Assert.True(result.GetProperty("decisions").GetProperty("suspend").GetInt32() >= 1);
    }

    [Fact]
    public async Task Expression_check_gives_line_and_column()
    {
        var answer = await Expect(await server.Client(Role.Viewer).PostJson("/api/expressions/validate", new { expression = "customer.exempt &&\n  customer.nmae == 'x'" }), HttpStatusCode.OK);

        Assert.False(answer.GetProperty("valid").GetBoolean());
        var error = answer.GetProperty("errors")[0];
        Assert.Equal(2, error.GetProperty("line").GetInt32());
        Assert.Equal(12, error.GetProperty("column").GetInt32());
    }
}
