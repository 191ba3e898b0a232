using Microsoft.Extensions.DependencyInjection;
using RuleSuspension.Infrastructure.Hosting;

namespace RuleSuspension.Infrastructure;

/// <summary>Registers the adapters behind the application's ports.</summary>
public static class InfrastructureRegistration
{
    public static IServiceCollection AddRuleSuspensionInfrastructure(this IServiceCollection services)
    {
        // First of the hosted services: every one started after it finds the database migrated and loaded.
        services.AddHostedService<DatabaseInitializer>();
        services.AddHostedService<YoungTableStatisticsService>();
        return services;
    }
}
