using Microsoft.Playwright;
using RuleSuspension.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RuleSuspension.Browser.Tests;

/// <summary>Finance changes a threshold with a confirmation, and the change shows in its history (who, when, old, new).</summary>
[Collection(ConsoleCollection.Name)]
public class ThresholdSpecs(ConsoleFixture console)
{
    [Fact]
    public async Task Finance_changes_grace_days_and_sees_it_in_the_history()
    {
        var financeKey = await console.Server.CreateKey("Finance", "finance-anna");
        await using var tab = await console.OpenAsync();
        var page = tab.Page;
        await tab.SignInAsync(financeKey);

        // Finance lands on Thresholds; the non-payment rule set is selected.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thresholds", Level = 1 })).ToBeVisibleAsync();
        var grace = page.Locator("[data-parameter=graceDays]");
        await Expect(grace.GetByTestId("current-value")).ToHaveTextAsync("30");
        await Expect(grace).ToContainTextAsync("0 to 365");
        await Expect(grace).ToContainTextAsync("Days past the due date");

        // Out of bounds is refused before anything is sent.
        await grace.GetByLabel("New value").FillAsync("400");
        await Expect(grace.GetByText("At most 365.")).ToBeVisibleAsync();
        await Expect(grace.GetByRole(AriaRole.Button, new() { Name = "Change…" })).ToBeDisabledAsync();

        await grace.GetByLabel("New value").FillAsync("45");
        await grace.GetByRole(AriaRole.Button, new() { Name = "Change…" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Change this threshold?" });
        await Expect(dialog).ToContainTextAsync("changes from 30 to 45");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Confirm change" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();

        await Expect(grace.GetByTestId("current-value")).ToHaveTextAsync("45");
        var row = page.GetByTestId("threshold-history").Locator("tbody tr").Filter(new() { HasText = "graceDays" }).First;
        await Expect(row).ToContainTextAsync("finance-anna");
        await Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("30");
        await Expect(row.Locator("td").Nth(4)).ToHaveTextAsync("45");
        await tab.ScreenshotAsync("thresholds");

        // Finance may not edit rules, and is told why.
        await tab.NavigateAsync("Rule sets");
        await tab.ScreenshotAsync("rulesets");
        await page.GetByRole(AriaRole.Link, new() { Name = "non-payment", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Changing rules needs the SuperAdmin or Admin role.").First).ToBeVisibleAsync();

        tab.AssertNoConsoleErrors();
    }
}
