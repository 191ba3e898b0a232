using Microsoft.Extensions.DependencyInjection;
using RuleSuspension.Infrastructure.Hosting;
using RuleSuspension.Infrastructure.Outbox;
using RuleSuspension.Infrastructure.Outbox.Email;
using RuleSuspension.Infrastructure.Outbox.Webhooks;
using RuleSuspension.Infrastructure.Workflows;
using RuleSuspension.Workflows.Ports;

namespace RuleSuspension.Infrastructure;

/// <summary>Registers the adapters behind the application's ports.</summary>
public static class InfrastructureRegistration
{
    /// <param name="webhooks">Checked settings (the server reads and validates every section); absent: no endpoints.</param>
    /// <param name="smtp">Checked settings; absent: email off.</param>
    public static IServiceCollection AddRuleSuspensionInfrastructure(
        this IServiceCollection services, WebhookSettings? webhooks = null, SmtpSettings? smtp = null)
    {
        // The workflow engine's stores on the database (Scheduling replaces the timers' with Quartz triggers).
        services.AddScoped<IWorkflowInstanceStore, DbInstanceStore>();
        services.AddScoped<ICustomerSuspensions, DbCustomerSuspensions>();
        services.AddScoped<IHumanTaskInbox, DbTaskInbox>();
        services.AddScoped<IWorkflowTimerScheduler, DbTimerScheduler>();
        services.AddSingleton<StartTimeline>();
        // First of the hosted services: every one started after it finds the database migrated and loaded.
        services.AddHostedService<DatabaseInitializer>();
        services.AddHostedService<YoungTableStatisticsService>();
        services.AddOutbox(webhooks ?? new WebhookSettings(), smtp ?? new SmtpSettings());
        return services;
    }
}
