using System.Net.Http.Json;
using Microsoft.Playwright;
using RuleSuspension.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RuleSuspension.Browser.Tests;

/// <summary>The rule editor checks expressions as one types (line and column); a dry run explains every rule.</summary>
[Collection(ConsoleCollection.Name)]
public class RuleSetSpecs(ConsoleFixture console)
{
    [Fact]
    public async Task An_admin_sees_expression_errors_as_they_type_and_dry_runs_a_customer()
    {
        var adminKey = await console.Server.CreateKey("Admin", "admin-rules");
        using (var api = console.Server.Api())
        {
            (await api.PutAsJsonAsync("/api/customers/c-late", new { name = "Late Payer GmbH", email = "ap@late.example", tenantId = "t-1", planId = "pro", identityVerified = true })).EnsureSuccessStatusCode();
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            (await api.PutAsJsonAsync("/api/invoices/inv-late-1", new { customerId = "c-late", amount = 240.00m, currency = "EUR", issuedAt = today.AddDays(-100), dueDate = today.AddDays(-90) })).EnsureSuccessStatusCode();
        }

        await using var tab = await console.OpenAsync();
        var page = tab.Page;
        await tab.SignInAsync(adminKey);
        await tab.NavigateAsync("Rule sets");
        await page.GetByRole(AriaRole.Link, new() { Name = "non-payment", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("ruleset-validation")).ToHaveTextAsync("✓ Valid");

        var rule = page.Locator("[data-rule=warn-overdue]");
        var when = rule.GetByLabel("When");
        await when.FillAsync("invoices.any(i => i.amountDue > 0 &&\n  i.daysOverdu >= params.warningDays)");
        await Expect(rule.Locator(".expression-errors")).ToContainTextAsync("line 2, column", new() { Timeout = 10_000 });
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save new version" })).ToBeDisabledAsync();
        await tab.ScreenshotAsync("ruleset-editor");

        await when.FillAsync("invoices.any(i => i.amountDue > 0 && i.daysOverdue >= params.warningDays)");
        await Expect(page.GetByTestId("ruleset-validation")).ToHaveTextAsync("✓ Valid", new() { Timeout = 10_000 });
        await rule.GetByLabel("Priority").FillAsync("110");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save new version" }).ClickAsync();
        await Expect(page.GetByText("Saved as version")).ToBeVisibleAsync();

        // Dry run: the decision, and the explanation of every rule.
        await page.GetByLabel("Customer", new() { Exact = true }).FillAsync("c-late");
        await page.GetByRole(AriaRole.Button, new() { Name = "Evaluate" }).ClickAsync();
        var result = page.GetByTestId("dry-run-result");
        await Expect(result).ToContainTextAsync("suspend");
        await Expect(result).ToContainTextAsync("suspend-past-grace");
        await Expect(result).ToContainTextAsync("exempt-customers-are-never-suspended");
        await Expect(result).ToContainTextAsync("did not fire");
        await tab.ScreenshotAsync("ruleset-dry-run");
        tab.AssertNoConsoleErrors();
    }
}
