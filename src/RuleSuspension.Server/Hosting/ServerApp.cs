using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Json;
using RuleSuspension.Application;
using RuleSuspension.Domain.Suspensions;
using RuleSuspension.Persistence;
using RuleSuspension.Scheduling;
using RuleSuspension.Server.Email;
using RuleSuspension.Server.Endpoints;
using RuleSuspension.Server.Errors;
using RuleSuspension.Server.Security;
using RuleSuspension.Server.Webhooks;

namespace RuleSuspension.Server.Hosting;

/// <summary>Builds the server: configuration, logging, database, security, endpoints.</summary>
public static class ServerApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var data = DataDirectory.From(builder.Configuration);
        builder.AddRuleSuspensionLogging(data);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes);
        AddServices(builder.Services, builder.Configuration, data);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseBodySizeLimit();
        var webConsole = UseWebConsole(app);
        app.UseAuthentication();
        app.UseAuthorization();
        MapEndpoints(app);
        MapWebConsoleFallback(app, webConsole);
        return app;
    }

    /// <summary>
    /// The operator console (src/RuleSuspension.Web, built into wwwroot beside the server's binaries) is served as
    /// static files, without a key: it holds no data, and signs in with an API key itself.
    /// </summary>
    private static StaticFileOptions? UseWebConsole(WebApplication app)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (!File.Exists(Path.Combine(root, "index.html")))
        {
            return null;
        }

        var options = new StaticFileOptions
        {
            FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(root),
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl =
                file.Context.Request.Path.StartsWithSegments("/assets") ? "public, max-age=31536000, immutable" : "no-cache",
        };
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = options.FileProvider });
        app.UseStaticFiles(options);
        return options;
    }

    /// <summary>Any other path (not a file) that is not the API, health or OpenAPI is a page of the console: index.html.</summary>
    private static void MapWebConsoleFallback(WebApplication app, StaticFileOptions? webConsole)
    {
        if (webConsole is not null)
        {
            app.MapFallbackToFile("{*path:nonfile:regex(^(?!(api|health|openapi)(/|$)).*$)}", "index.html", webConsole).AllowAnonymous();
        }
    }

    private static void AddServices(IServiceCollection services, IConfiguration configuration, DataDirectory data)
    {
        var suspensionPolicy = configuration.GetSection("Suspensions").Get<SuspensionPolicy>() ?? SuspensionPolicy.Default;
        services.AddSingleton(data);
        services.AddSingleton(suspensionPolicy);
        var databaseSettings = configuration.GetSection("Database").Get<DatabaseSettings>() ?? new DatabaseSettings();
        services.AddRuleSuspensionDb(databaseSettings, data.Path);
        services.AddRuleSuspensionApplication();
        services.AddHostedService<DatabaseInitializer>();
        if (databaseSettings.Provider == DatabaseProvider.PostgreSql)
        {
            services.AddHostedService<YoungTableStatisticsService>();
        }

        services.AddWebhooks(configuration);
        services.AddEmail(configuration);
        services.AddRuleSuspensionScheduling(configuration, databaseSettings, data.Path);

        services.AddMemoryCache();
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(o => o.AddRuleSuspensionPolicies(suspensionPolicy));
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "RuleSuspension API";
            document.Info.Description = "Decides and manages customer suspensions. Authenticate with the X-Api-Key header.";
            return Task.CompletedTask;
        }));
    }

    private static void MapEndpoints(WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapHealth();
        app.MapEvents();
        app.MapCustomers();
        app.MapSuspensions();
        app.MapInvoices();
        app.MapAudit();
        app.MapKeys();
        app.MapRuleSets();
        app.MapWorkflows();
        app.MapTasks();
        app.MapJobs();
        app.MapTenants();
        app.MapMe();
        app.MapOutbox();
    }
}
