using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RuleSuspension.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RuleSuspension.Browser.Tests;

/// <summary>
/// The whole way through the console: an admin builds a workflow from scratch in the designer (adds activities,
/// connects them, sets properties, sees a validation error on the node, fixes it) and publishes it; its triggering
/// event arrives through the API; the customer shows as suspended; a super admin lifts it from the inbox with a
/// reason; the history shows who and why, and the run's path is lit in the instance view.
/// </summary>
[Collection(ConsoleCollection.Name)]
public class DesignerToInboxSpecs(ConsoleFixture console)
{
    private const string WorkflowId = "crm-escalation";
    private const string CustomerId = "c-escalated";

    [Fact]
    public async Task A_workflow_built_in_the_designer_suspends_and_a_super_admin_lifts_from_the_inbox()
    {
        var adminKey = await console.Server.CreateKey("Admin", "admin-ada");
        await using var tab = await console.OpenAsync();
        var page = tab.Page;
        await tab.SignInAsync(adminKey);
        try
        {
            await Scenario(tab, page);
        }
        catch
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(Paths.Screenshots(), "FAILED-designer-to-inbox.png") });
            throw;
        }
    }

    private async Task Scenario(ConsolePage tab, IPage page)
    {
        // ---- Design: a new workflow, from scratch ----
        await tab.NavigateAsync("Workflows");
        await tab.ScreenshotAsync("workflows");
        await page.GetByRole(AriaRole.Button, new() { Name = "New workflow" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Complementary, new() { Name = "Activities" })).ToBeVisibleAsync();

        await page.GetByLabel("Id").FillAsync(WorkflowId);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("CRM escalation");
        await page.GetByRole(AriaRole.Button, new() { Name = "+ Add trigger" }).ClickAsync();
        await page.GetByLabel("Trigger 1: event").SelectOptionAsync("crm.opportunity-added");

        // Drag the first activity from the palette onto the canvas; add the others from the keyboard.
        var canvas = page.Locator(".canvas");
        await Palette(page, "EvaluateRuleSet").DragToAsync(canvas, new() { TargetPosition = new TargetPosition { X = 300, Y = 120 } });
        await Expect(Node(page, "evaluate-rule-set")).ToBeVisibleAsync();
        foreach (var type in new[] { "SuspendCustomer", "HumanTask", "LiftSuspension", "End" })
        {
            await Palette(page, type).FocusAsync();
            await page.Keyboard.PressAsync("Enter");
        }

        await Expect(page.Locator(".react-flow__node")).ToHaveCountAsync(5);

        // Connect an outcome by dragging from its handle to the next activity.
        await Select(page, "evaluate-rule-set");
        await page.GetByLabel("Label").FillAsync("Evaluate the CRM rules");
        await page.GetByLabel("Rule set *").SelectOptionAsync("crm-opportunity");
        await page.GetByRole(AriaRole.Button, new() { Name = "Fit View" }).ClickAsync();
        await DragConnection(page, "evaluate-rule-set", "Suspend", "suspend-customer");
        await Expect(page.Locator(".react-flow__edge")).ToHaveCountAsync(1);
        await Select(page, "evaluate-rule-set");
        await Expect(page.GetByLabel("Suspend", new() { Exact = true })).ToHaveValueAsync("suspend-customer");
        await page.GetByLabel("None", new() { Exact = true }).SelectOptionAsync("end");

        // The rest from the properties panel: each outcome's "leads to".
        await Select(page, "suspend-customer");
        await page.GetByLabel("Label").FillAsync("Suspend");
        await page.GetByLabel("Reason code").SelectOptionAsync("crm");
        await page.GetByLabel("Suspended", new() { Exact = true }).SelectOptionAsync("human-task");
        await page.GetByLabel("Skipped", new() { Exact = true }).SelectOptionAsync("end");

        await Select(page, "human-task");
        await page.GetByLabel("Label").FillAsync("Review and lift");
        await page.GetByLabel("Title *").FillAsync("Review the CRM escalation and lift");
        await page.GetByLabel("Lift", new() { Exact = true }).SelectOptionAsync("lift-suspension");
        await page.GetByLabel("Keep", new() { Exact = true }).SelectOptionAsync("end");

        await Select(page, "lift-suspension");
        await page.GetByLabel("Label").FillAsync("Lift for the reviewer");
        await page.GetByLabel("Done", new() { Exact = true }).SelectOptionAsync("end");

        await page.GetByRole(AriaRole.Button, new() { Name = "Auto layout" }).ClickAsync();

        // The human task has no role yet: the server's validation puts the error on that node.
        var state = page.GetByTestId("validation-state");
        // (Without a role, the lift and the suspension also lack a task for a role that may lift: three problems, one cause.)
        await Expect(state).ToHaveTextAsync(new Regex("⚠ \\d+ problems?"), new() { Timeout = 10_000 });
        await Expect(Node(page, "human-task").Locator(".activity-node")).ToHaveClassAsync(new Regex("has-errors"));
        await Expect(Node(page, "human-task")).ToContainTextAsync("needs the property 'role'");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Publish…" })).ToBeDisabledAsync();
        await Select(page, "human-task");
        await tab.ScreenshotAsync("designer-validation-error");

        // Delete removes the selected activity (and its connections); Ctrl+Z brings both back.
        await Select(page, "lift-suspension");
        await Node(page, "lift-suspension").FocusAsync();
        await page.Keyboard.PressAsync("Delete");
        await Expect(Node(page, "lift-suspension")).ToHaveCountAsync(0);
        await Expect(page.Locator(".react-flow__edge")).ToHaveCountAsync(5);
        await page.Keyboard.PressAsync("Control+z");
        await Expect(Node(page, "lift-suspension")).ToHaveCountAsync(1);
        await Expect(page.Locator(".react-flow__edge")).ToHaveCountAsync(7);

        // Fix it: choose the role that lifts.
        await Select(page, "human-task");
        await page.GetByLabel("Role *").SelectOptionAsync("SuperAdmin");
        await Expect(state).ToHaveTextAsync("✓ Valid", new() { Timeout = 10_000 });
        await Expect(Node(page, "human-task").Locator(".activity-node")).Not.ToHaveClassAsync(new Regex("has-errors"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Auto layout" }).ClickAsync();

        // Save the draft, then publish it with a confirmation.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        // The console moves to the saved workflow's address within the page (history.replaceState): the address is
        // polled, not waited for as a navigation with its load event.
        await Expect(page).ToHaveURLAsync(new Regex($"/workflows/{WorkflowId}$"));
        await Expect(page.Locator(".react-flow__node")).ToHaveCountAsync(5);
        await Expect(page.GetByTestId("validation-state")).ToHaveTextAsync("✓ Valid", new() { Timeout = 10_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish…" }).ClickAsync();
        var publish = page.GetByRole(AriaRole.Dialog, new() { Name = "Publish this workflow?" });
        await publish.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Expect(page.Locator(".designer-status .badge").First).ToHaveTextAsync("published");

        // Opened again, the workflow comes back as saved, at its saved positions.
        await page.ReloadAsync();
        await Expect(page.Locator(".react-flow__node")).ToHaveCountAsync(5);
        await Expect(page.Locator(".react-flow__edge")).ToHaveCountAsync(7);
        await Expect(Node(page, "human-task")).ToContainTextAsync("Review and lift");
        await Select(page, "human-task");
        await tab.ScreenshotAsync("designer");

        await page.GetByRole(AriaRole.Button, new() { Name = "History" }).ClickAsync();
        await Expect(page.GetByTestId("workflow-versions")).ToContainTextAsync("published");
        await page.Keyboard.PressAsync("Escape");

        // ---- The triggering event arrives through the API ----
        using (var api = console.Server.Api())
        {
            var put = await api.PutAsJsonAsync($"/api/customers/{CustomerId}", new
            {
                name = "Escalated Ltd", email = "billing@escalated.example", tenantId = "t-1", planId = "pro",
                tags = new[] { "smb" }, identityVerified = true, exempt = false, accountManagers = new[] { "am@host.example" },
            });
            Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
            var posted = await api.PostAsJsonAsync("/api/events", new
            {
                id = "evt-" + Guid.NewGuid().ToString("N"), type = "crm.opportunity-added", occurredAt = DateTimeOffset.UtcNow, customerId = CustomerId,
                data = new { opportunityId = "opp-1", boardId = "b-1", boardName = "Accounts", stage = "Deactivate Account", value = 1200 },
            });
            Assert.True(posted.StatusCode == HttpStatusCode.Accepted, await posted.Content.ReadAsStringAsync());
        }

        // ---- The customer is suspended ----
        await tab.NavigateAsync("Customers");
        await page.GetByLabel("Status").SelectOptionAsync("suspended");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Escalated Ltd" })).ToBeVisibleAsync();
        await tab.ScreenshotAsync("customers");
        await page.GetByLabel("Search").FillAsync("escalated");
        await Expect(page).ToHaveURLAsync(new Regex("search=escalated"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Escalated Ltd" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("suspended");
        await Expect(page.GetByTestId("access-effects")).ToContainTextAsync("Pay due invoices only");
        await Expect(page.GetByTestId("suspension-history")).ToContainTextAsync("crm");
        // An admin may not lift, and is told why.
        await Expect(page.GetByText("Lifting needs the SuperAdmin role.")).ToBeVisibleAsync();
        await tab.ScreenshotAsync("customer-suspended");
        tab.AssertNoConsoleErrors();
        await tab.SignOutAsync();

        // ---- A super admin lifts it from the inbox, with a reason ----
        await tab.SignInAsync(console.Server.AdminKey);
        await tab.NavigateAsync("Inbox");
        var row = page.Locator($"tr[data-customer-id={CustomerId}]");
        await Expect(row).ToContainTextAsync("Escalated Ltd");
        await Expect(row).ToContainTextAsync("crm");
        await tab.ScreenshotAsync("inbox");
        await row.GetByRole(AriaRole.Button, new() { Name = "Lift…" }).ClickAsync();
        var lift = page.GetByRole(AriaRole.Dialog, new() { Name = "Lift the suspension" });
        await lift.GetByRole(AriaRole.Button, new() { Name = "Lift", Exact = true }).ClickAsync();
        await Expect(lift.GetByText("A reason is required.")).ToBeVisibleAsync();
        await lift.GetByLabel("Reason").FillAsync("Opportunity closed by mistake; checked with sales.");
        await lift.GetByRole(AriaRole.Button, new() { Name = "Lift", Exact = true }).ClickAsync();
        await Expect(row).ToHaveCountAsync(0);

        // ---- The history says who lifted and why ----
        await tab.NavigateAsync("Customers");
        await page.GetByLabel("Search").FillAsync("escalated");
        await Expect(page).ToHaveURLAsync(new Regex("search=escalated"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Escalated Ltd" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("active");
        var history = page.GetByTestId("suspension-history");
        await Expect(history).ToContainTextAsync("Opportunity closed by mistake; checked with sales.");
        await Expect(history).ToContainTextAsync("admin");
        await Expect(page.GetByTestId("access-effects")).ToContainTextAsync("Full");
        await tab.ScreenshotAsync("customer-history");

        // ---- The run, read-only, with the path it took ----
        await history.GetByRole(AriaRole.Link, new() { Name = "workflow run" }).ClickAsync();
        await Expect(page.GetByTestId("instance-canvas")).ToBeVisibleAsync();
        await Expect(Node(page, "lift-suspension").Locator(".activity-node")).ToHaveClassAsync(new Regex("is-visited"));
        await Expect(page.Locator(".react-flow__edge.edge-taken")).ToHaveCountAsync(4);
        await tab.ScreenshotAsync("workflow-instance");

        tab.AssertNoConsoleErrors();
    }

    private static ILocator Palette(IPage page, string type) => page.Locator($".palette-item[data-activity-type={type}]");

    private static ILocator Node(IPage page, string id) => page.Locator($".react-flow__node[data-id='{id}']");

    private static async Task Select(IPage page, string id)
    {
        await Node(page, id).Locator(".activity-name").ClickAsync();
        await Expect(page.GetByTestId("activity-properties")).ToContainTextAsync(id);
    }

    /// <summary>Drags from an outcome's handle to the target activity's in-handle, as a person does with the mouse.</summary>
    private static async Task DragConnection(IPage page, string from, string outcome, string to)
    {
        var source = Node(page, from).Locator($".react-flow__handle[data-handleid='{outcome}']");
        var target = Node(page, to).Locator(".react-flow__handle.target");
        var a = await source.BoundingBoxAsync() ?? throw new InvalidOperationException("No source handle");
        var b = await target.BoundingBoxAsync() ?? throw new InvalidOperationException("No target handle");
        await page.Mouse.MoveAsync(a.X + a.Width / 2, a.Y + a.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((a.X + b.X) / 2, (a.Y + b.Y) / 2, new() { Steps = 5 });
        await page.Mouse.MoveAsync(b.X + b.Width / 2, b.Y + b.Height / 2, new() { Steps = 5 });
        await page.Mouse.UpAsync();
    }
}
