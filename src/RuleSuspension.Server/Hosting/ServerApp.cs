using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Json;
using RuleSuspension.Application;
using RuleSuspension.Domain.Suspensions;
using RuleSuspension.Persistence;
using RuleSuspension.Server.Endpoints;
using RuleSuspension.Server.Errors;
using RuleSuspension.Server.Security;

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
        app.UseAuthentication();
        app.UseAuthorization();
        MapEndpoints(app);
        return app;
    }

    private static void AddServices(IServiceCollection services, IConfiguration configuration, DataDirectory data)
    {
        var suspensionPolicy = configuration.GetSection("Suspensions").Get<SuspensionPolicy>() ?? SuspensionPolicy.Default;
        services.AddSingleton(data);
        services.AddSingleton(suspensionPolicy);
        services.AddRuleSuspensionDb(configuration.GetSection("Database").Get<DatabaseSettings>() ?? new DatabaseSettings(), data.Path);
        services.AddRuleSuspensionApplication();
        services.AddHostedService<DatabaseInitializer>();

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
    }
}
