using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RuleSuspension.Browser.Tests.Infrastructure;

/// <summary>
/// One server and one headless Chromium (Debian's, at /usr/bin/chromium) for the browser tests. Playwright never
/// downloads a browser here.
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumFlags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? _playwright;
    private ConsoleServer? _server;
    private IBrowser? _browser;

    public ConsoleServer Server => _server ?? throw new InvalidOperationException("The server is not started.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is missing at {ChromiumPath}. The browser tests need Debian's chromium: run `apt-get install -y chromium` (test.sh does so when run as root).");
        }

        _server = await ConsoleServer.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumFlags,
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>A fresh browser tab at 1280x800 that records every console error and uncaught exception.</summary>
    public async Task<ConsolePage> OpenAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            BaseURL = Server.Address.ToString(),
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        return new ConsolePage(page, context, Server);
    }
}

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "console";
}

/// <summary>A tab on the console, with its console errors and screenshot helper.</summary>
public sealed class ConsolePage(IPage page, IBrowserContext context, ConsoleServer server) : IAsyncDisposable
{
    private readonly List<string> _errors = Attach(page);

    public IPage Page => page;

    public IReadOnlyList<string> ConsoleErrors => _errors;

    private static List<string> Attach(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (errors)
                {
                    errors.Add($"{message.Text} ({message.Location})");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (errors)
            {
                errors.Add("Uncaught: " + error);
            }
        };
        return errors;
    }

    public async Task SignInAsync(string key)
    {
        await page.GotoAsync("/");
        await page.GetByLabel("API key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    public async Task SignOutAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("API key")).ToBeVisibleAsync();
    }

    /// <summary>Opens a page of the console from the sidebar.</summary>
    public async Task NavigateAsync(string label)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = label, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = label, Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>Saves a screenshot of the page to artifacts/screenshots/NAME.png.</summary>
    public async Task ScreenshotAsync(string name)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Paths.Screenshots(), name + ".png") });
    }

    /// <summary>Fails with every console error seen, and the server's log, if there were any.</summary>
    public void AssertNoConsoleErrors()
    {
        lock (_errors)
        {
            Assert.True(_errors.Count == 0, "Errors in the browser console:\n" + string.Join("\n", _errors) + "\n\nServer log (tail):\n" + Tail(server.Log));
        }
    }

    private static string Tail(string log) => log.Length > 4000 ? log[^4000..] : log;

    public async ValueTask DisposeAsync() => await context.CloseAsync();

    public static Regex Text(string pattern) => new(pattern, RegexOptions.IgnoreCase);
}
