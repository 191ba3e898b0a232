using System.Net;
using System.Text.Json;
using RuleSuspension.Domain.Access;
using RuleSuspension.Server.Tests.Infrastructure;

namespace RuleSuspension.Server.Tests.Hosting;

/// <summary>Every request leaves one line in the log file: method, route template, status, elapsed; never the key.</summary>
public sealed class RequestLoggingSpecs : IClassFixture<TestServer>
{
    private readonly TestServer _server;

    public RequestLoggingSpecs(TestServer server) => _server = server;

    [Fact]
    public async Task A_request_leaves_one_log_line_with_its_route_template_and_status()
    {
        var customer = "logged-" + Guid.NewGuid().ToString("N");

        var response = await _server.Client(Role.Viewer).GetAsync($"/api/customers/{customer}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var line = await RequestLine($"/api/customers/{customer}");
        Assert.Equal(("GET", "/api/customers/{id}", 404), (line.GetProperty("RequestMethod").GetString(), line.GetProperty("RouteTemplate").GetString(), line.GetProperty("StatusCode").GetInt32()));
        Assert.StartsWith("HTTP GET /api/customers/{id} responded 404 in ", line.GetProperty("@m").GetString());
    }

    [Fact]
    public async Task A_request_log_line_holds_neither_the_api_key_nor_the_body()
    {
        var customer = "unlogged-body-" + Guid.NewGuid().ToString("N");
        using var body = new StringContent($$"""{ "name": "secret-body-{{customer}}" }""", System.Text.Encoding.UTF8, "application/json");

        await _server.Client(Role.Admin).PutAsync($"/api/customers/{customer}", body);

        var line = (await RequestLine($"/api/customers/{customer}")).GetRawText();
        Assert.DoesNotContain("secret-body-", line);
        Assert.DoesNotContain(_server.Key(Role.Admin), line);
    }

    /// <summary>
    /// The one request line of <paramref name="path"/>. The line is written as the request ends, which may be just
    /// after the client has its answer: it is looked for again for a while, and a second line would fail.
    /// </summary>
    private async Task<JsonElement> RequestLine(string path)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var lines = RequestLines().Where(l => l.GetProperty("RequestPath").GetString() == path).ToList();
            if (lines.Count > 0)
            {
                return Assert.Single(lines);
            }

            await Task.Delay(50);
        }

        throw new Xunit.Sdk.XunitException($"No request line for {path} in the log.");
    }

    /// <summary>The request lines of the log file (compact JSON, one event a line); the file is still being written.</summary>
    private IEnumerable<JsonElement> RequestLines()
    {
        var lines = new List<JsonElement>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(_server.DataDirectory, "logs")))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } text)
            {
                var line = JsonDocument.Parse(text).RootElement;
                // Every line written during a request carries its path (the commands' own lines too): the request line is
                // the request-logging middleware's.
                if (line.TryGetProperty("RequestPath", out _)
                    && line.TryGetProperty("SourceContext", out var source) && source.GetString() == "Serilog.AspNetCore.RequestLoggingMiddleware")
                {
                    lines.Add(line);
                }
            }
        }

        return lines;
    }
}
