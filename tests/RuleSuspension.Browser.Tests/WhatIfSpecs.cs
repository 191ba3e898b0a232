using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using RuleSuspension.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RuleSuspension.Browser.Tests;

/// <summary>Finance sees what a threshold change would decide (counts and the customers that change) before confirming it.</summary>
[Collection(ConsoleCollection.Name)]
public class WhatIfSpecs(ConsoleFixture console)
{
    [Fact]
    public async Task Finance_previews_a_grace_days_change_and_sees_counts_and_changed_customers_before_confirming()
    {
        // A customer 20 days overdue is warned today; with 10 grace days it would be suspended. The id sorts first so
        // that it leads the list of changes whatever other specs stored.
        const string lateCustomer = "a-whatif-late-payer";
        using (var admin = console.Server.Api())
        {
            foreach (var (id, name, daysOverdue) in new[] { (lateCustomer, "Late Payer Ltd", 20), ("a-whatif-slow", "Slow Bank plc", 14), ("a-whatif-on-time", "On Time GmbH", 3) })
            {
                await Ok(await admin.PutAsJsonAsync($"/api/customers/{id}", new
                {
                    name, email = $"billing@{id}.test", tenantId = "t-whatif", planId = "pro", identityVerified = true, accountManagers = new[] { "am@host.test" },
                }));
                var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-daysOverdue);
                await Ok(await admin.PutAsJsonAsync($"/api/invoices/inv-{id}", new { customerId = id, amount = 250m, currency = "EUR", issuedAt = due.AddDays(-14), dueDate = due }));
            }
        }

        var financeKey = await console.Server.CreateKey("Finance", "finance-whatif");
        await using var tab = await console.OpenAsync();
        var page = tab.Page;
        await tab.SignInAsync(financeKey);
        var grace = page.Locator("[data-parameter=graceDays]");
        await Expect(grace.GetByTestId("current-value")).Not.ToHaveTextAsync("");
        var before = await grace.GetByTestId("current-value").TextContentAsync();

        await grace.GetByLabel("New value").FillAsync("10");
        await grace.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();

        var whatIf = page.GetByTestId("what-if");
        await Expect(whatIf.GetByTestId("what-if-summary")).ToContainTextAsync("decision");
        await Expect(whatIf.GetByTestId("what-if-counts").Locator("[data-outcome=suspend]")).ToBeVisibleAsync();
        var change = whatIf.GetByTestId("what-if-changes").Locator($"[data-customer={lateCustomer}]");
        await Expect(change).ToContainTextAsync("Late Payer Ltd");
        await Expect(change.Locator("td").Nth(1)).ToHaveTextAsync("warn");
        await Expect(change.Locator("td").Nth(2)).ToHaveTextAsync("suspend");
        await Expect(grace.GetByTestId("current-value")).ToHaveTextAsync(before!);
        await tab.ScreenshotAsync("what-if");

        // The confirmation shows the same what-if before anything changes.
        await grace.GetByRole(AriaRole.Button, new() { Name = "Change…" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Change this threshold?" });
        await Expect(dialog.GetByTestId("confirm-what-if").Locator($"[data-customer={lateCustomer}]")).ToContainTextAsync("suspend");
        await Expect(dialog.GetByTestId("what-if-counts")).ToBeVisibleAsync();
        await tab.ScreenshotAsync("what-if-confirm");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Confirm change" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(grace.GetByTestId("current-value")).ToHaveTextAsync("10");

        // Put the shipped value back for the specs that share this server.
        using (var finance = console.Server.Api(financeKey))
        {
            await Ok(await finance.PutAsJsonAsync("/api/rulesets/non-payment/parameters", new { values = new { graceDays = int.Parse(before!) } }));
        }

        tab.AssertNoConsoleErrors();
    }

    private static async Task Ok(HttpResponseMessage response)
        => Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
}
