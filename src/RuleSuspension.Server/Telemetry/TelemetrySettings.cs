namespace RuleSuspension.Server.Telemetry;

/// <summary>The <c>Telemetry</c> configuration section.</summary>
public sealed class TelemetrySettings
{
    public const string Section = "Telemetry";

    /// <summary>Serve <c>/metrics</c> (Prometheus text). Off: the route does not exist.</summary>
    public bool MetricsEnabled { get; set; } = true;

    /// <summary>When set, <c>/metrics</c> answers only <c>Authorization: Bearer &lt;key&gt;</c> (a scraper's bearer token).</summary>
    public string? MetricsKey { get; set; }

    /// <summary>An OTLP collector (e.g. <c>http://collector:4317</c>): metrics and traces are exported to it. Empty: no export, no tracing.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>How often the outbox backlog (a count per channel) is sampled for the gauge.</summary>
    public TimeSpan BacklogInterval { get; set; } = TimeSpan.FromSeconds(15);
}
