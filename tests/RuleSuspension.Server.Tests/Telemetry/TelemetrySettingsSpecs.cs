using System.Net;
using System.Net.Http.Headers;
using RuleSuspension.Server.Tests.Infrastructure;
using static RuleSuspension.Server.Tests.Infrastructure.Api;

namespace RuleSuspension.Server.Tests.Telemetry;

/// <summary>/metrics can be turned off or put behind a key; the health routes report each part separately.</summary>
public sealed class TelemetrySettingsSpecs
{
    [Fact]
    public async Task Metrics_behind_a_key_refuse_a_scrape_without_it()
    {
        await using var server = await Started(new() { ["Telemetry:MetricsKey"] = "scrape-key-123" });

        var response = await server.Client(role: null).GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_behind_a_key_answer_a_scrape_with_it_as_bearer_token()
    {
        await using var server = await Started(new() { ["Telemetry:MetricsKey"] = "scrape-key-123" });
        var client = server.Client(role: null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "scrape-key-123");

        var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_turned_off_are_not_served()
    {
        await using var server = await Started(new() { ["Telemetry:MetricsEnabled"] = "false" });

        // With a key, so that the answer is the route's absence rather than the refusal of any unknown path without one.
        var response = await server.Client(RuleSuspension.Domain.Access.Role.SuperAdmin).GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task With_an_otlp_endpoint_the_server_starts_exporting_and_serves_as_usual()
    {
        // Nothing listens there: export fails quietly in the background, requests are unaffected.
        await using var server = await Started(new() { ["Telemetry:OtlpEndpoint"] = "http://127.0.0.1:9" });

        await Expect(await server.Client(role: null).GetAsync("/health/ready"), HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("/relative")]
    public void An_otlp_endpoint_that_is_not_an_absolute_url_is_refused_at_start(string endpoint)
    {
        var settings = new RuleSuspension.Server.Telemetry.TelemetrySettings { OtlpEndpoint = endpoint };

        var refused = Assert.Throws<RuleSuspension.Server.Hosting.SettingsException>(() => RuleSuspension.Server.Hosting.Settings.Check(settings, "Telemetry"));

        Assert.Contains("Telemetry:OtlpEndpoint", refused.Message);
    }

    [Fact]
    public async Task Ready_reports_the_database_the_scheduler_and_the_outbox_backlog()
    {
        await using var server = await Started([]);

        var ready = await Expect(await server.Client(role: null).GetAsync("/health/ready"), HttpStatusCode.OK);

        Assert.Equal(("healthy", "up", "running"), (ready.GetProperty("status").GetString(), ready.GetProperty("database").GetString(), ready.GetProperty("scheduler").GetString()));
        Assert.True(ready.GetProperty("outbox").GetProperty("webhook").GetInt64() >= 0);
        Assert.Equal(0, ready.GetProperty("outbox").GetProperty("email").GetInt64());
    }

    [Fact]
    public async Task Live_answers_without_a_key()
    {
        await using var server = await Started([]);

        var live = await Expect(await server.Client(role: null).GetAsync("/health/live"), HttpStatusCode.OK);

        Assert.Equal("live", live.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Health_keeps_its_shape_and_adds_the_scheduler()
    {
        await using var server = await Started([]);

        var health = await Expect(await server.Client(role: null).GetAsync("/health"), HttpStatusCode.OK);

        Assert.Equal(("healthy", "up"), (health.GetProperty("status").GetString(), health.GetProperty("database").GetString()));
        Assert.Equal("running", health.GetProperty("scheduler").GetString());
    }

    private static async Task<DisposableServer> Started(Dictionary<string, string?> settings)
    {
        var server = new TestServer(settings);
        await server.InitializeAsync();
        return new DisposableServer(server);
    }

    private sealed class DisposableServer(TestServer server) : IAsyncDisposable
    {
        public HttpClient Client(RuleSuspension.Domain.Access.Role? role) => server.Client(role);

        public async ValueTask DisposeAsync() => await server.DisposeAsync();
    }
}
