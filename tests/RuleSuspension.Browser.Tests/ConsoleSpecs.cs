using System.IO.Compression;
using System.Net.Http.Json;
using Microsoft.Playwright;
using RuleSuspension.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RuleSuspension.Browser.Tests;

/// <summary>The console as a whole: sign in, role rules, keyboard use, the size of the first page.</summary>
[Collection(ConsoleCollection.Name)]
public class ConsoleSpecs(ConsoleFixture console)
{
    [Fact]
    public async Task The_console_is_served_with_a_content_security_policy_it_keeps()
    {
        using var client = new HttpClient { BaseAddress = console.Server.Address };

        var page = await client.GetAsync("/");

        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        Assert.DoesNotContain("https://", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Signing_in_works_from_the_keyboard_and_a_wrong_key_is_explained()
    {
        await using var tab = await console.OpenAsync();
        var page = tab.Page;
        await page.GotoAsync("/");
        await tab.ScreenshotAsync("sign-in");
        // The key field has focus; typing and Enter signs in.
        await Expect(page.GetByLabel("API key")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(console.Server.AdminKey);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Customers", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator(".whoami-role")).ToHaveTextAsync("SuperAdmin");

        // Tab reaches the sidebar links; Enter follows one.
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Inbox" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inbox", Level = 1 })).ToBeVisibleAsync();

        // The key lives in the tab's session: a reload keeps the user signed in.
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inbox", Level = 1 })).ToBeVisibleAsync();
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_viewer_sees_what_it_may_not_do_and_why()
    {
        var key = await console.Server.CreateKey("Viewer", "viewer-vic");
        using (var api = console.Server.Api())
        {
            (await api.PutAsJsonAsync("/api/customers/c-viewer", new { name = "Viewer Test Co", email = "v@test.example", tenantId = "t-1", planId = "pro" })).EnsureSuccessStatusCode();
        }

        await using var tab = await console.OpenAsync();
        var page = tab.Page;
        await tab.SignInAsync(key);
        await page.GetByLabel("Search").FillAsync("c-viewer");
        await page.GetByRole(AriaRole.Link, new() { Name = "Viewer Test Co" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Suspend…" })).ToBeDisabledAsync();
        await Expect(page.GetByText("Suspending needs the SuperAdmin or Admin role.")).ToBeVisibleAsync();

        await tab.NavigateAsync("Workflows");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "New workflow" })).ToBeDisabledAsync();
        await Expect(page.GetByText("Changing workflows needs the SuperAdmin or Admin role.")).ToBeVisibleAsync();

        await tab.NavigateAsync("Thresholds");
        await Expect(page.GetByText("Changing thresholds needs the SuperAdmin or Finance role.")).ToBeVisibleAsync();
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task The_first_page_loads_under_500_KB_gzipped_and_the_designer_is_loaded_apart()
    {
        await using var tab = await console.OpenAsync();
        var page = tab.Page;
        var loaded = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Url.StartsWith(console.Server.Address.ToString(), StringComparison.Ordinal) && !response.Url.Contains("/api/", StringComparison.Ordinal))
            {
                lock (loaded)
                {
                    loaded.Add(response.Url);
                }
            }
        };
        await tab.SignInAsync(console.Server.AdminKey);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        long gzipped = 0;
        using var http = new HttpClient();
        string[] urls;
        lock (loaded)
        {
            urls = loaded.Distinct().ToArray();
        }

        foreach (var url in urls)
        {
            gzipped += GzippedSize(await http.GetByteArrayAsync(url));
        }

        Console.WriteLine($"First page: {urls.Length} files, {gzipped / 1024.0:F1} KB gzipped");
        Assert.True(gzipped < 500 * 1024, $"The first page loads {gzipped / 1024} KB gzipped: {string.Join(", ", urls)}");
        Assert.DoesNotContain(urls, u => u.Contains("elk", StringComparison.OrdinalIgnoreCase) || u.Contains("DesignerPage", StringComparison.Ordinal));
        tab.AssertNoConsoleErrors();
    }

    private static long GzippedSize(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return buffer.Length;
    }
}
