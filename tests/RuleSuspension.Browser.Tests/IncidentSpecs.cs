using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using RuleSuspension.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RuleSuspension.Browser.Tests;

/// <summary>
/// An invoice faults a workflow whose rule set cannot evaluate; the rule set is fixed; an admin finds the incident on
/// the incidents page and retries it with a reason, and the fixed rule set suspends the customer.
/// </summary>
[Collection(ConsoleCollection.Name)]
public class IncidentSpecs(ConsoleFixture console)
{
    private const string CustomerId = "c-incident";
    private const string RuleSet = "incident-check";

    [Fact]
    public async Task An_admin_retries_an_incident_from_the_incidents_page()
    {
        await FaultAnInstanceThenFixItsRuleSet();
        var adminKey = await console.Server.CreateKey("Admin", "admin-ines");
        await using var tab = await console.OpenAsync();
        var page = tab.Page;
        await tab.SignInAsync(adminKey);

        await tab.NavigateAsync("Incidents");
        var row = page.GetByTestId("incidents").Locator($"tr[data-customer-id={CustomerId}]");
        await Expect(row).ToContainTextAsync("Harbour Freight");
        await Expect(row).ToContainTextAsync("evaluate");
        await Expect(row).ToContainTextAsync("evaluation budget");
        await tab.ScreenshotAsync("incidents");

        await row.GetByRole(AriaRole.Button, new() { Name = "Retry…" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Retry the failed step" });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Retry", Exact = true }).ClickAsync();
        await Expect(dialog.GetByText("A reason is required.")).ToBeVisibleAsync();
        await dialog.GetByLabel("Reason").FillAsync("Fixed the condition of incident-check.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Retry", Exact = true }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();

        await Expect(page.GetByText("Retried: the instance is waiting.")).ToBeVisibleAsync();
        await Expect(row).ToHaveCountAsync(0);
        using var api = console.Server.Api();
        var customer = await api.GetFromJsonAsync<JsonElement>($"/api/customers/{CustomerId}");
        Assert.Equal("suspended", customer.GetProperty("status").GetString());
        tab.AssertNoConsoleErrors();
    }

    private async Task FaultAnInstanceThenFixItsRuleSet()
    {
        using var api = console.Server.Api();
        await Ok(await api.PutAsJsonAsync($"/api/customers/{CustomerId}", new { name = "Harbour Freight", email = "ap@harbour.test", tenantId = "t-1", planId = "pro" }));
        await Ok(await api.PutAsJsonAsync($"/api/rulesets/{RuleSet}", RuleSetDocument(PastTheBudget())));
        await Ok(await api.PutAsJsonAsync($"/api/workflows/{RuleSet}", Workflow()));
        await Ok(await api.PostAsync($"/api/workflows/{RuleSet}/publish", null));
        await Ok(await api.PostAsJsonAsync("/api/events", new
        {
            id = "evt-incident-1", type = "invoice.issued", occurredAt = DateTimeOffset.UtcNow, customerId = CustomerId,
            data = new { invoiceId = "inv-incident-1", amount = 90, currency = "EUR", issuedAt = "2026-01-01", dueDate = "2026-01-31" },
        }));
        await Ok(await api.PutAsJsonAsync($"/api/rulesets/{RuleSet}", RuleSetDocument("true")));
    }

    /// <summary>Type-checks, but fails at run time: three nested loops over 101 items visit more than the evaluation budget.</summary>
    private static string PastTheBudget()
    {
        var list = "[" + string.Join(",", Enumerable.Range(1, 101)) + "]";
        return $"{list}.any(a => {list}.any(b => {list}.any(c => c == a + b + 1000)))";
    }

    private static object RuleSetDocument(string when) => new
    {
        name = RuleSet,
        description = "Checks every invoice of one customer.",
        parameters = Array.Empty<object>(),
        rules = new object[] { new { name = "check", priority = 10, when, then = new object[] { new { type = "suspend", reasonCode = "investigation", message = "Invoice checked." } } } },
    };

    private static object Workflow() => new
    {
        id = RuleSet,
        name = "Incident check",
        start = "evaluate",
        triggers = new object[] { new { @event = "invoice.issued", filter = $"customer.id == \"{CustomerId}\"" } },
        activities = new object[]
        {
            new { id = "evaluate", type = "EvaluateRuleSet", properties = new { ruleSet = RuleSet } },
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

    private static async Task Ok(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {body}");
    }
}
