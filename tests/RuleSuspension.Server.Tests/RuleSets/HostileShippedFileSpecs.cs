using System.Net;
using System.Text.Json;
using RuleSuspension.Server.Tests.Infrastructure;
using static RuleSuspension.Server.Tests.Infrastructure.Api;

namespace RuleSuspension.Server.Tests.RuleSets;

/// <summary>
/// Shipped files are held to the rule-language limits when they are loaded at start: a rule set or workflow over
/// them is left out (and logged), and the server starts and serves.
/// </summary>
public sealed class HostileShippedFileSpecs : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "rs-hostile-files", Guid.NewGuid().ToString("N"));
    private TestServer _server = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "rulesets"));
        var deep = new string('(', 1_500) + "true" + new string(')', 1_500);
        await File.WriteAllTextAsync(Path.Combine(_directory, "rulesets", "hostile.json"), JsonSerializer.Serialize(new
        {
            name = "hostile",
            rules = new[] { new { name = "r", when = deep, then = new[] { new { type = "warn", reasonCode = "x" } } } },
        }));
        await File.WriteAllTextAsync(Path.Combine(_directory, "hostile-flow.json"), JsonSerializer.Serialize(new
        {
            id = "hostile-flow",
            name = "Hostile",
            start = "end",
            triggers = new[] { new { @event = "invoice.issued", filter = string.Concat(Enumerable.Repeat("1+", 20_000)) + "1 > 0" } },
            activities = new[] { new { id = "end", type = "End" } },
        }));
        _server = new TestServer(new Dictionary<string, string?> { ["Workflows:Directory"] = _directory });
        await _server.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Files_over_the_limits_are_not_loaded_and_the_server_serves()
    {
        var client = _server.Client();

        await ExpectProblem(await client.GetAsync("/api/rulesets/hostile"), HttpStatusCode.NotFound);
        await ExpectProblem(await client.GetAsync("/api/workflows/hostile-flow"), HttpStatusCode.NotFound);
        await Expect(await _server.Client(null).GetAsync("/health"), HttpStatusCode.OK);
    }
}
