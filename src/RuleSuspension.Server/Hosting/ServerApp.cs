using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Json;
using Quartz;
using RuleSuspension.Application;
using RuleSuspension.Application.Decisions;
using RuleSuspension.Application.Jobs;
using RuleSuspension.Application.RuleSets;
using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Common;
using RuleSuspension.Domain.Suspensions;
using RuleSuspension.Infrastructure;
using RuleSuspension.Infrastructure.Hosting;
using RuleSuspension.Persistence;
using RuleSuspension.Rules.NRules;
using RuleSuspension.Scheduling;
using RuleSuspension.Scheduling.Configuration;
using RuleSuspension.Infrastructure.Outbox.Email;
using RuleSuspension.Infrastructure.Outbox.Webhooks;
using RuleSuspension.Server.Endpoints;
using RuleSuspension.Server.Errors;
using RuleSuspension.Server.Security;
using RuleSuspension.Server.Telemetry;

namespace RuleSuspension.Server.Hosting;

/// <summary>Builds the server: configuration, logging, database, security, endpoints.</summary>
public static class ServerApp
{
    public static WebApplication Build(string[] args) => Build(args, static _ => { });

    /// <param name="args">The configuration arguments.</param>
    /// <param name="servicesBuilt">
    /// Called as soon as the services are built, before the middleware and the endpoints are: the start begins its
    /// database check there, so that it runs on another core while the endpoints are mapped.
    /// </param>
    public static WebApplication Build(string[] args, Action<WebApplication> servicesBuilt)
    {
        var builder = WebApplication.CreateBuilder(args);
        // Parsing and compiling the shipped rule sets is CPU only: it runs on the second core while everything below does.
        builder.Services.AddSingleton(ShippedRuleSetFiles.StartReading(DatabaseInitializer.ShippedRuleSetsDirectory(builder.Configuration)));
        var data = DataDirectory.From(builder.Configuration);
        builder.AddRuleSuspensionLogging(data);
        var limits = builder.Services.Add<InputLimits>(builder.Configuration, "Limits");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = limits.MaxBodyBytes);
        AddServices(builder.Services, builder.Configuration, data, limits);

        var app = builder.Build();
        var timeline = app.Services.GetRequiredService<StartTimeline>();
        timeline.Mark("host built");
        servicesBuilt(app);
        app.Lifetime.ApplicationStarted.Register(() => timeline.Mark("hosted services started, Kestrel listening"));
        app.UseRequestLogging();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseBodySizeLimit();
        app.UseHeadAsGet();
        app.UseRouting();
        app.UseRouteTemplateForLogs();
        var webConsole = UseWebConsole(app);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRouteIdCheck();
        app.UseJsonBodyCheck();
        MapEndpoints(app);
        MapWebConsoleFallback(app, webConsole);
        timeline.Mark("endpoints mapped");
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

    /// <summary>Any other path (not a file) that is not the API, health, metrics or OpenAPI is a page of the console: index.html.</summary>
    private static void MapWebConsoleFallback(WebApplication app, StaticFileOptions? webConsole)
    {
        if (webConsole is not null)
        {
            app.MapFallbackToFile("{*path:nonfile:regex(^(?!(api|health|openapi|metrics)(/|$)).*$)}", "index.html", webConsole).AllowAnonymous();
        }
    }

    private static void AddServices(IServiceCollection services, IConfiguration configuration, DataDirectory data, InputLimits limits)
    {
        var suspensionPolicy = services.Add(configuration, "Suspensions", BindSuspensionPolicy);
        services.AddSingleton(data);
        services.AddSingleton(limits);
        services.AddSingleton(suspensionPolicy);
        var databaseSettings = services.Add<DatabaseSettings>(configuration, "Database");
        services.AddRuleSuspensionDb(databaseSettings, data.Path);
        // Loaded when first needed, which is the start (the catalogue is prepared): a bad assembly stops the start with one error.
        var ruleAssemblies = services.Add<RuleAssemblySettings>(configuration, "Rules");
        services.AddSingleton(_ => CodeRuleSetLibrary.Load(ruleAssemblies.Assemblies, Directory.GetCurrentDirectory()));
        services.AddSingleton(services.Add<DecisionRecordOptions>(configuration, "Decisions"));
        services.AddRuleSuspensionApplication();
        services.AddSingleton(new AdminKeyFile(data.File(AdminKeyFile.Name)));
        services.AddRuleSuspensionInfrastructure(
            services.Add<WebhookSettings>(configuration, WebhookSettings.Section), services.Add<SmtpSettings>(configuration, SmtpSettings.Section));

        services.AddRuleSuspensionTelemetry(configuration);
        services.AddRuleSuspensionScheduling(
            services.Add<SchedulerSettings>(configuration, "Scheduling"), services.Add<OverdueCheckOptions>(configuration, "OverdueCheck"), databaseSettings, data.Path);
        // The scheduler's creation (its store's schema, its thread pool) needs the database, not the catalogue: it
        // runs while the catalogue loads, and Quartz's hosted service then only starts it.
        services.AddSingleton(provider => new StartAlongsideCatalogue(
            async ct => await provider.GetRequiredService<ISchedulerFactory>().GetScheduler(ct)));

        services.AddMemoryCache();
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            o.SerializerOptions.Converters.Add(new Contracts.MissingJsonValueConverter());
        });
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

    internal static SuspensionPolicy SuspensionPolicyFrom(IConfiguration configuration) => Settings.Read(configuration, "Suspensions", BindSuspensionPolicy);

    internal static InputLimits InputLimitsFrom(IConfiguration configuration) => Settings.Read<InputLimits>(configuration, "Limits");

    /// <summary>The binder would take "1" or "Admin, Finance" for a role: the lifting role is read by its exact name.</summary>
    private static SuspensionPolicy BindSuspensionPolicy(IConfigurationSection section)
    {
        var policy = section.Get<SuspensionPolicy>() ?? SuspensionPolicy.Default;
        if (section["LiftingRole"] is not { } liftingRole)
        {
            return policy;
        }

        return EnumeratedValue.Match<Role>(liftingRole) is { } role
            ? policy with { LiftingRole = role }
            : throw new SettingsException($"Cannot start: Suspensions:LiftingRole '{liftingRole}' is not a role; expected one of {string.Join(", ", Enum.GetNames<Role>())}.");
    }

    private static void MapEndpoints(WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapHealth();
        app.MapMetrics();
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
        app.MapDecisions();
    }
}
