using System.Net.Http.Json;
using Microsoft.Playwright;
using RuleSuspension.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RuleSuspension.Browser.Tests;

/// <summary>
/// The customer page's actions that need a person's reason: suspend by hand, lift, set an exemption. Each refuses
/// to send without a reason, and what it did shows on the page and in the history.
/// </summary>
[Collection(ConsoleCollection.Name)]
public class CustomerActionSpecs(ConsoleFixture console)
{
    [Fact]
    public async Task A_super_admin_suspends_by_hand_and_lifts_each_with_a_reason()
    {
        var customerId = await NewCustomer("Manual Ltd");
        await using var tab = await console.OpenAsync();
        var page = tab.Page;
        await tab.SignInAsync(console.Server.AdminKey);
        await page.GotoAsync($"/customers/{customerId}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("active");

        await page.GetByRole(AriaRole.Button, new() { Name = "Suspend…" }).ClickAsync();
        var suspend = page.GetByRole(AriaRole.Dialog, new() { Name = "Suspend this customer" });
        await suspend.GetByRole(AriaRole.Button, new() { Name = "Suspend", Exact = true }).ClickAsync();
        await Expect(suspend.GetByText("A reason is required.")).ToBeVisibleAsync();
        await suspend.GetByLabel("Reason code").SelectOptionAsync("other");
        await suspend.GetByLabel("Reason", new() { Exact = true }).FillAsync("Chargebacks on three cards this week.");
        await suspend.GetByRole(AriaRole.Button, new() { Name = "Suspend", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("suspended");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Suspended" })).ToContainTextAsync("Chargebacks on three cards this week.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Lift suspension…" }).ClickAsync();
        var lift = page.GetByRole(AriaRole.Dialog, new() { Name = "Lift the suspension" });
        await lift.GetByRole(AriaRole.Button, new() { Name = "Lift", Exact = true }).ClickAsync();
        await Expect(lift.GetByText("A reason is required.")).ToBeVisibleAsync();
        await lift.GetByLabel("Reason for lifting").FillAsync("Cards confirmed by the bank.");
        await lift.GetByRole(AriaRole.Button, new() { Name = "Lift", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("active");
        var history = page.GetByTestId("suspension-history");
        await Expect(history).ToContainTextAsync("other");
        await Expect(history).ToContainTextAsync("Cards confirmed by the bank.");
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task An_admin_sets_an_exemption_with_a_reason_and_a_last_day()
    {
        var customerId = await NewCustomer("Exempt Ltd");
        var adminKey = await console.Server.CreateKey("Admin", "admin-exempt");
        await using var tab = await console.OpenAsync();
        var page = tab.Page;
        await tab.SignInAsync(adminKey);
        await page.GotoAsync($"/customers/{customerId}");
        var exemption = page.GetByTestId("exemption");
        await Expect(exemption).ToContainTextAsync("no");

        await exemption.GetByRole(AriaRole.Button, new() { Name = "Exemption…" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Exemption from automatic suspension" });
        await dialog.GetByLabel("Exempt", new() { Exact = true }).CheckAsync();
        await dialog.GetByLabel("Until", new() { Exact = false }).FillAsync("2027-03-31");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(dialog.GetByText("A reason is required.")).ToBeVisibleAsync();
        await dialog.GetByLabel("Reason", new() { Exact = true }).FillAsync("Migrating billing systems until the end of March.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Expect(exemption).ToContainTextAsync("up to and on 2027-03-31");
        using var api = console.Server.Api();
        var customer = await api.GetFromJsonAsync<CustomerView>($"/api/customers/{customerId}");
        Assert.True(customer!.Exempt);
        Assert.Equal("2027-03-31", customer.ExemptUntil);
        tab.AssertNoConsoleErrors();
    }

    private sealed record CustomerView(bool Exempt, string? ExemptUntil);

    private async Task<string> NewCustomer(string name)
    {
        var id = "c-" + Guid.NewGuid().ToString("N")[..10];
        using var api = console.Server.Api();
        var put = await api.PutAsJsonAsync($"/api/customers/{id}", new
        {
            name, email = "billing@" + id + ".example", tenantId = "t-1", planId = "pro", tags = Array.Empty<string>(),
            identityVerified = true, exempt = false, accountManagers = Array.Empty<string>(),
        });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        return id;
    }
}
