using System.Text.Json;
using RuleSuspension.Server.Tests.Infrastructure;

namespace RuleSuspension.Server.Tests.Hosting;

/// <summary>The start's timeline (docs/performance.md, "Start to healthy"): one Debug line per phase, only when asked for.</summary>
public sealed class StartTimelineSpecs
{
    private const string Source = "RuleSuspension.Infrastructure.Hosting.StartTimeline";

    [Fact]
    public async Task The_start_timeline_logs_each_phase_with_its_cpu_time_at_debug()
    {
        // The default level at Debug turns the timeline on too; the override by source (the README's switch), given through
        // the in-process test host's settings, reached Serilog's reader without its value.
        var server = new TestServer(new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Debug" });
        await server.InitializeAsync();
        try
        {
            var lines = await TimelineLinesAsync(server, expected: 12);

            Assert.Equal(
                [
                    "host built", "endpoints mapped", "database reachable", "rule assemblies loaded", "database migrated", "shipped rule set files read", "shipped rule sets loaded",
                    "code rule sets loaded", "shipped workflows loaded", "first key ensured", "work alongside the catalogue done",
                    "hosted services started, Kestrel listening",
                ],
                lines.Select(l => l.GetProperty("Phase").GetString()));
            Assert.All(lines, l => Assert.True(l.GetProperty("CpuMs").GetDouble() > 0));
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_start_timeline_is_silent_by_default()
    {
        var server = new TestServer(new Dictionary<string, string?>());
        await server.InitializeAsync();
        try
        {
            Assert.Empty(await TimelineLinesAsync(server, expected: 0));
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>The timeline's lines in the log file; the file is written as the start goes, so it is read again for a while.</summary>
    private static async Task<List<JsonElement>> TimelineLinesAsync(TestServer server, int expected)
    {
        var lines = new List<JsonElement>();
        for (var attempt = 0; attempt == 0 || (attempt < 40 && lines.Count < expected); attempt++)
        {
            await Task.Delay(50);
            lines = Lines(server.DataDirectory).Where(l => l.TryGetProperty("SourceContext", out var s) && s.GetString() == Source).ToList();
        }

        return lines;
    }

    private static List<JsonElement> Lines(string dataDirectory)
    {
        var lines = new List<JsonElement>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(dataDirectory, "logs")))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } text)
            {
                lines.Add(JsonDocument.Parse(text).RootElement);
            }
        }

        return lines;
    }
}
