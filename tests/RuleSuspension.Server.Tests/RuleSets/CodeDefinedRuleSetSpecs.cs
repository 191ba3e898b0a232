using System.Net;
using System.Text;
using System.Text.Json;
using RuleSuspension.Domain.Access;
using RuleSuspension.Rules.NRules;
using RuleSuspension.Server.Hosting;
using RuleSuspension.Server.Tests.Infrastructure;
using RuleSuspension.Server.Tests.Jobs;
using static RuleSuspension.Server.Tests.Infrastructure.Api;

namespace RuleSuspension.Server.Tests.RuleSets;

public class CodeDefinedRuleSetSpecs(CodeDefinedServer fixture) : IClassFixture<CodeDefinedServer>
{
    private const string RuleSet = CodeDefinedServer.RuleSet;
    private readonly TestServer _server = fixture.Server;

    private HttpClient Admin => _server.Client(Role.Admin);

    private async Task<JsonElement> DryRun(string customerId, object? parameters = null)
        => await Expect(await _server.Client(Role.Finance).PostJson($"/api/rulesets/{RuleSet}/evaluate", new { customerId, parameters, asOf = JobSteps.AsOf }), HttpStatusCode.OK);

    [Fact]
    public async Task Catalogue_lists_data_and_code_defined_sets_with_their_kind()
    {
        var list = (await Get(_server.Client(Role.Viewer), "/api/rulesets")).EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("kind").GetString());

        Assert.Equal("data", list["non-payment"]);
        Assert.Equal("nrules", list[RuleSet]);
    }

    [Fact]
    public async Task Code_defined_set_shows_its_rules_with_names_priorities_and_descriptions()
    {
        var ruleSet = await Get(_server.Client(Role.Viewer), $"/api/rulesets/{RuleSet}");

        Assert.Equal("nrules", ruleSet.GetProperty("kind").GetString());
        Assert.StartsWith("RuleSuspension.Samples.NonPayment ", ruleSet.GetProperty("source").GetString());
        var rules = ruleSet.GetProperty("document").GetProperty("rules").EnumerateArray().ToList();
        Assert.Contains(rules, r => r.GetProperty("name").GetString() == "suspend-past-grace" && r.GetProperty("priority").GetInt32() == 500 && r.GetProperty("description").GetString()!.Length > 0);
        Assert.Equal(["graceDays", "warningDays", "minOverdueAmount", "graceDaysByPlan"], ruleSet.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Saving_rules_over_a_code_defined_set_is_refused()
    {
        var document = $$"""{ "name": "{{RuleSet}}", "rules": [ { "name": "r", "when": "true", "then": [ { "type": "warn", "reasonCode": "x" } ] } ] }""";

        var response = await Admin.PutAsync($"/api/rulesets/{RuleSet}", new StringContent(document, Encoding.UTF8, "application/json"));

        var problem = await ExpectProblem(response, HttpStatusCode.Conflict);
        Assert.Contains("code-defined", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_document_claiming_the_nrules_kind_is_refused_naming_the_field()
    {
        var document = """{ "name": "sneaky", "kind": "nrules", "rules": [] }""";

        var response = await Admin.PutAsync("/api/rulesets/sneaky", new StringContent(document, Encoding.UTF8, "application/json"));

        var problem = await ExpectProblem(response, HttpStatusCode.BadRequest);
        Assert.Contains("$.kind", problem.ToString());
    }

    [Fact]
    public async Task Thresholds_set_by_finance_are_used_by_the_next_evaluation()
    {
        var customer = await JobSteps.Customer(Admin);
        await JobSteps.InvoiceOverdue(Admin, customer, daysOverdue: 45);
        Assert.Equal("suspend", (await DryRun(customer)).GetProperty("decision").GetProperty("outcome").GetString());

        await Expect(await _server.Client(Role.Finance).PutJson($"/api/rulesets/{RuleSet}/parameters", new { values = new { graceDaysByPlan = new { pro = 60 } } }), HttpStatusCode.OK);

        var decision = (await DryRun(customer)).GetProperty("decision");
        Assert.Equal("warn", decision.GetProperty("outcome").GetString());
        Assert.Equal("An invoice is 45 days overdue; suspension after 60 days.", decision.GetProperty("message").GetString());
        await Expect(await _server.Client(Role.Finance).PutJson($"/api/rulesets/{RuleSet}/parameters", new { values = new { graceDaysByPlan = new { } } }), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Out_of_bounds_threshold_is_refused_naming_the_parameter()
    {
        var response = await _server.Client(Role.Finance).PutJson($"/api/rulesets/{RuleSet}/parameters", new { values = new { graceDays = 400 } });

        var problem = await ExpectProblem(response, HttpStatusCode.BadRequest);
        Assert.Contains("$.values.graceDays", problem.ToString());
    }

    [Fact]
    public async Task Dry_run_explains_every_rule_of_a_code_defined_set()
    {
        var customer = await JobSteps.Customer(Admin);
        await JobSteps.InvoiceOverdue(Admin, customer, daysOverdue: 45);

        var explanation = (await DryRun(customer)).GetProperty("decision").GetProperty("explanation");

        Assert.Equal(["exempt-customers-are-never-suspended", "overdue-balance", "suspend-past-grace", "warn-overdue"],
            explanation.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("rule").GetString()));
        Assert.Contains(explanation.GetProperty("facts").EnumerateArray(), f => f.GetProperty("name").GetString() == "OverdueBalance");
    }

    [Fact]
    public async Task Simulation_runs_a_code_defined_set_over_stored_customers()
    {
        var customer = await JobSteps.Customer(Admin);
        await JobSteps.InvoiceOverdue(Admin, customer, daysOverdue: 45);

        var result = await Expect(await _server.Client(Role.Finance).PostJson($"/api/rulesets/{RuleSet}/simulate", new { asOf = JobSteps.AsOf }), HttpStatusCode.OK);

        Assert.True(result.GetProperty("decisions").GetProperty("suspend").GetInt32() >= 1);
    }

    [Fact]
    public async Task A_workflow_naming_the_code_defined_set_suspends_end_to_end_and_records_the_decision()
    {
        var customer = await CreateCustomer(Admin, planId: "pro");
        var workflow = "code-" + Guid.NewGuid().ToString("N")[..6];
        await Expect(await Admin.PutJson($"/api/workflows/{workflow}", new
        {
            id = workflow,
            name = "Code-defined non-payment",
            start = "evaluate",
            triggers = new object[] { new { @event = "invoice.issued", filter = $"customer.id == \"{customer}\"" } },
            activities = new object[]
            {
                new { id = "evaluate", type = "EvaluateRuleSet", properties = new { ruleSet = RuleSet } },
                new { id = "suspend", type = "SuspendCustomer", properties = new { } },
                new { id = "review", type = "HumanTask", properties = new { title = "Lift?", role = "SuperAdmin" } },
                new { id = "lift", type = "LiftSuspension" },
                new { id = "end", type = "End" },
            },
            connections = new object[]
            {
                new { from = "evaluate", outcome = "Suspend", to = "suspend" },
                new { from = "evaluate", outcome = "Warn", to = "end" },
                new { from = "evaluate", outcome = "None", to = "end" },
                new { from = "suspend", outcome = "Suspended", to = "review" },
                new { from = "review", outcome = "Lift", to = "lift" },
                new { from = "review", outcome = "Keep", to = "end" },
                new { from = "lift", outcome = "Done", to = "end" },
                new { from = "suspend", outcome = "Skipped", to = "end" },
            },
        }), HttpStatusCode.OK);
        await Expect(await Admin.PostAsync($"/api/workflows/{workflow}/publish", null), HttpStatusCode.OK);

        // Due long before the server's today: far past the grace days.
        await Expect(await PostEvent(_server.Client(Role.Integration), Event("invoice.issued", customer,
            new { invoiceId = "inv-" + customer, amount = 250m, currency = "EUR", issuedAt = "2026-01-01", dueDate = "2026-01-31" })), HttpStatusCode.Accepted);

        var suspension = (await Get(Admin, $"/api/customers/{customer}")).GetProperty("suspension");
        Assert.Equal("non-payment", suspension.GetProperty("reasonCode").GetString());
        var decision = Assert.Single((await Get(Admin, $"/api/decisions?customerId={customer}")).EnumerateArray());
        Assert.Equal(("nrules", RuleSet, "suspend"), (decision.GetProperty("ruleSetKind").GetString(), decision.GetProperty("ruleSetName").GetString(), decision.GetProperty("outcome").GetString()));
        var replay = await Expect(await Admin.PostAsync($"/api/decisions/{decision.GetProperty("id").GetString()}/replay", null), HttpStatusCode.OK);
        Assert.Equal("same", replay.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task A_restart_with_the_same_assembly_makes_no_new_version()
    {
        var before = (await Get(Admin, $"/api/rulesets/{RuleSet}/versions")).GetArrayLength();

        await _server.RestartAsync();

        Assert.Equal(before, (await Get(Admin, $"/api/rulesets/{RuleSet}/versions")).GetArrayLength());
    }
}

public class CodeDefinedRuleSetStartSpecs
{
    private static async Task<RuleAssemblyException> StartWith(string assembly)
    {
        var data = Path.Combine(Path.GetTempPath(), "rs-tests", Guid.NewGuid().ToString("N"));
        await using var app = ServerApp.Build([$"--Data:Directory={data}", $"--Rules:Assemblies:0={assembly}", "--urls=http://127.0.0.1:0"]);
        try
        {
            return await Assert.ThrowsAsync<RuleAssemblyException>(() => app.StartAsync());
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task A_missing_rule_assembly_stops_the_start_with_one_clear_error()
    {
        var error = await StartWith("no/such/rules.dll");

        Assert.StartsWith("'no/such/rules.dll': no file at ", Assert.Single(error.Problems));
    }

    [Fact]
    public async Task A_broken_rule_assembly_stops_the_start_with_one_clear_error()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.dll");
        await File.WriteAllTextAsync(broken, "not an assembly");
        try
        {
            var error = await StartWith(broken);

            Assert.Equal($"'{broken}': not a .NET assembly", Assert.Single(error.Problems));
        }
        finally
        {
            File.Delete(broken);
        }
    }
}
