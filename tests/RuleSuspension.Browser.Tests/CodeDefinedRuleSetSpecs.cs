using System.Net.Http.Json;
using Microsoft.Playwright;
using RuleSuspension.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RuleSuspension.Browser.Tests;

/// <summary>
/// The sample code-defined rule set (non-payment-code, NRules in C#) in the console: its rules shown read-only,
/// its thresholds edited like any other, and the decision behind a suspension it made, replayed.
/// </summary>
[Collection(ConsoleCollection.Name)]
public class CodeDefinedRuleSetSpecs(ConsoleFixture console)
{
    private const string RuleSet = "non-payment-code";

    [Fact]
    public async Task A_code_defined_rule_set_shows_its_rules_read_only()
    {
        await using var tab = await console.OpenAsync();
        var page = tab.Page;
        await tab.SignInAsync(console.Server.AdminKey);

        await tab.NavigateAsync("Rule sets");
        await Expect(page.GetByTestId("rulesets").Locator("tr").Filter(new() { HasText = RuleSet })).ToContainTextAsync("code (NRules)");
        await page.GetByRole(AriaRole.Link, new() { Name = RuleSet, Exact = true }).ClickAsync();

        var rules = page.GetByTestId("code-rules");
        await Expect(rules.Locator("tbody tr")).ToHaveCountAsync(4);
        await Expect(rules.Locator("tbody tr").First).ToContainTextAsync("exempt-customers-are-never-suspended");
        await Expect(rules.Locator("[data-rule=suspend-past-grace]")).ToContainTextAsync("500");
        await Expect(page.GetByTestId("ruleset-source")).ToContainTextAsync("sha256:");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save new version" })).ToHaveCountAsync(0);
        await tab.ScreenshotAsync("ruleset-code-defined");
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Finance_changes_a_threshold_of_a_code_defined_rule_set()
    {
        var financeKey = await console.Server.CreateKey("Finance", "finance-cody");
        await using var tab = await console.OpenAsync();
        var page = tab.Page;
        await tab.SignInAsync(financeKey);
        await page.GotoAsync($"/thresholds?ruleset={RuleSet}");

        var warning = page.Locator("[data-parameter=warningDays]");
        await Expect(warning.GetByTestId("current-value")).ToHaveTextAsync("7");
        await warning.GetByLabel("New value").FillAsync("5");
        await warning.GetByRole(AriaRole.Button, new() { Name = "Change…" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Change this threshold?" });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Confirm change" }).ClickAsync();

        await Expect(warning.GetByTestId("current-value")).ToHaveTextAsync("5");
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task The_customer_page_shows_the_decision_behind_a_suspension_and_replays_it()
    {
        const string customer = "c-code-decided";
        await SuspendByTheCodeDefinedSet(customer);
        await using var tab = await console.OpenAsync();
        var page = tab.Page;
        await tab.SignInAsync(console.Server.AdminKey);
        await page.GotoAsync($"/customers/{customer}");

        var decision = page.GetByTestId("decision");
        await Expect(decision).ToContainTextAsync(RuleSet);
        await Expect(decision).ToContainTextAsync("code (NRules)");
        await decision.GetByRole(AriaRole.Button, new() { Name = "Replay the decision" }).ClickAsync();
        await Expect(page.GetByTestId("replay-answer")).ToHaveTextAsync("Same decision: suspend (non-payment).");
        await tab.ScreenshotAsync("customer-decision-replayed");
        tab.AssertNoConsoleErrors();
    }

    /// <summary>Publishes a workflow that evaluates the code-defined set on an issued invoice, and sends one long overdue.</summary>
    private async Task SuspendByTheCodeDefinedSet(string customer)
    {
        using var api = console.Server.Api();
        (await api.PutAsJsonAsync($"/api/customers/{customer}", new { name = "Code Decided Co", email = "cd@test.example", tenantId = "t-1", planId = "pro" })).EnsureSuccessStatusCode();
        const string workflow = "code-defined-non-payment";
        (await api.PutAsJsonAsync($"/api/workflows/{workflow}", new
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
                new { from = "suspend", outcome = "Skipped", to = "end" },
                new { from = "review", outcome = "Lift", to = "lift" },
                new { from = "review", outcome = "Keep", to = "end" },
                new { from = "lift", outcome = "Done", to = "end" },
            },
        })).EnsureSuccessStatusCode();
        (await api.PostAsync($"/api/workflows/{workflow}/publish", null)).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/events", new
        {
            id = "evt-" + customer,
            type = "invoice.issued",
            occurredAt = DateTimeOffset.UtcNow,
            customerId = customer,
            data = new { invoiceId = "inv-" + customer, amount = 250m, currency = "EUR", issuedAt = "2026-01-01", dueDate = "2026-01-31" },
        })).EnsureSuccessStatusCode();
    }
}
