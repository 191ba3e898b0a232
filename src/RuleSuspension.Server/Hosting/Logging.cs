using Microsoft.AspNetCore.Routing;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace RuleSuspension.Server.Hosting;

internal static class Logging
{
    /// <summary>The property of the request log line that holds the route's template (<c>/api/customers/{id}</c>).</summary>
    public const string RouteTemplate = "RouteTemplate";

    /// <summary>
    /// Structured logs to the console and to a daily rolling JSON file in the data directory (compact JSON, one event a
    /// line, the message rendered). Levels come from <c>Serilog:MinimumLevel</c>; the framework's own chatter is kept
    /// to warnings, since <see cref="UseRequestLogging"/> writes the one line a request needs.
    /// </summary>
    public static void AddRuleSuspensionLogging(this WebApplicationBuilder builder, DataDirectory data)
    {
        var logger = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Quartz", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.AspNetCore.DataProtection", LogEventLevel.Error)
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}")
            .WriteTo.File(new RenderedCompactJsonFormatter(), data.File(Path.Combine("logs", "rulesuspension-.json")), rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14)
            .CreateLogger();
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(logger, dispose: true);
        // The request log writes through this logger, not through Serilog's static one (tests host several servers).
        builder.Services.AddSingleton<Serilog.ILogger>(logger);
    }

    /// <summary>
    /// One line per request when it ends: method, route template, status and elapsed time (the path is a property of
    /// the event, without its query). Never a body or a header: the API key is a header.
    /// </summary>
    public static void UseRequestLogging(this WebApplication app)
        => app.UseSerilogRequestLogging(o =>
        {
            o.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            // ":l": the method and the template are written as they are, not as quoted strings, in the file's message too.
            o.MessageTemplate = "HTTP {RequestMethod:l} {" + RouteTemplate + ":l} responded {StatusCode} in {Elapsed:0.0} ms";
            o.EnrichDiagnosticContext = (diagnostics, http) => diagnostics.Set(RouteTemplate, http.Items[RouteTemplate] ?? TemplateOf(http.GetEndpoint()));
        });

    /// <summary>
    /// Remembers the route's template as soon as routing has chosen it: an error answered by the exception handler
    /// (a 404 for an unknown customer) no longer has its endpoint when the request ends.
    /// </summary>
    public static void UseRouteTemplateForLogs(this WebApplication app)
        => app.Use((http, next) =>
        {
            http.Items[RouteTemplate] = TemplateOf(http.GetEndpoint());
            return next(http);
        });

    private static string TemplateOf(Endpoint? endpoint)
        => endpoint is RouteEndpoint route ? "/" + route.RoutePattern.RawText?.TrimStart('/') : "(no route)";
}
