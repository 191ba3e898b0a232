using Microsoft.Extensions.DependencyInjection;
using RuleSuspension.Infrastructure.Workflows;
using RuleSuspension.Workflows.Ports;
using RuleSuspension.Infrastructure.Hosting;

namespace RuleSuspension.Infrastructure;

/// <summary>Registers the adapters behind the application's ports.</summary>
public static class InfrastructureRegistration
{
    public static IServiceCollection AddRuleSuspensionInfrastructure(this IServiceCollection services)
    {
        // The workflow engine's stores on the database (Scheduling replaces the timers' with Quartz triggers).
        services.AddScoped<IWorkflowInstanceStore, DbInstanceStore>();
        services.AddScoped<ICustomerSuspensions, DbCustomerSuspensions>();
        services.AddScoped<IHumanTaskInbox, DbTaskInbox>();
        services.AddScoped<IWorkflowTimerScheduler, DbTimerScheduler>();
        // First of the hosted services: every one started after it finds the database migrated and loaded.
        services.AddHostedService<DatabaseInitializer>();
        services.AddHostedService<YoungTableStatisticsService>();
        return services;
    }
}
