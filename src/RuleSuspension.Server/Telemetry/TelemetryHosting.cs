using System.Security.Cryptography;
using System.Text;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using RuleSuspension.Persistence;
using RuleSuspension.Persistence.Telemetry;
using RuleSuspension.Server.Hosting;

namespace RuleSuspension.Server.Telemetry;

/// <summary>
/// OpenTelemetry: the service's meter (<see cref="ServiceMetrics"/>), ASP.NET Core, the HTTP client and the database driver;
/// metrics on <c>/metrics</c> in Prometheus text and, with <see cref="TelemetrySettings.OtlpEndpoint"/>, metrics and
/// traces exported over OTLP. Without an OTLP endpoint nothing listens to traces, so no span is made per request.
/// </summary>
internal static class TelemetryHosting
{
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddRuleSuspensionTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = services.Add<TelemetrySettings>(configuration, TelemetrySettings.Section);
        services.AddSingleton(settings);
        services.AddHostedService<OutboxBacklogSampler>();

        var otlp = string.IsNullOrWhiteSpace(settings.OtlpEndpoint) ? null : new Uri(settings.OtlpEndpoint);
        if (!settings.MetricsEnabled && otlp is null)
        {
            return services;
        }

        // Each database's driver names its own sources (IDatabaseDialect.TelemetrySources); a source nobody emits costs nothing.
        var databaseSources = DatabaseDialects.All.SelectMany(d => d.TelemetrySources).Distinct().ToArray();
        var telemetry = services.AddOpenTelemetry().ConfigureResource(r => r.AddService("rulesuspension"));
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter(ServiceMetrics.MeterName).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddMeter(databaseSources);
            if (settings.MetricsEnabled)
            {
                metrics.AddPrometheusExporter();
            }

            if (otlp is not null)
            {
                metrics.AddOtlpExporter(o => o.Endpoint = otlp);
            }
        });
        if (otlp is not null)
        {
            telemetry.WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddSource(databaseSources).AddOtlpExporter(o => o.Endpoint = otlp));
        }

        return services;
    }

    /// <summary><c>/metrics</c>, open or behind <see cref="TelemetrySettings.MetricsKey"/>; not mapped when metrics are off.</summary>
    public static void MapMetrics(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<TelemetrySettings>();
        if (!settings.MetricsEnabled)
        {
            return;
        }

        if (!string.IsNullOrEmpty(settings.MetricsKey))
        {
            var expected = Encoding.UTF8.GetBytes("Bearer " + settings.MetricsKey);
            app.UseWhen(http => http.Request.Path.Equals(MetricsPath, StringComparison.OrdinalIgnoreCase), refused => refused.Use(async (http, next) =>
            {
                if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(http.Request.Headers.Authorization.ToString()), expected))
                {
                    http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    http.Response.Headers.WWWAuthenticate = "Bearer";
                    return;
                }

                await next(http);
            }));
        }

        // Its own key (or none), not an API key: a Prometheus scraper is no role of the service.
        app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous();
    }
}
