using RuleSuspension.Infrastructure.Outbox.Email;
using RuleSuspension.Infrastructure.Outbox.Webhooks;
using RuleSuspension.Workflows.Ports;

namespace RuleSuspension.Infrastructure.Outbox;

/// <summary>Registers the outbox: the workflow's port into it, its channels (webhooks, email) and the one sender loop.</summary>
internal static class OutboxRegistration
{
    public static IServiceCollection AddOutbox(this IServiceCollection services, WebhookSettings webhooks, SmtpSettings smtp)
    {
        services.AddSingleton(webhooks);
        services.AddSingleton(smtp);
        services.AddHttpClient(WebhookDelivery.HttpClientName, c => c.Timeout = webhooks.Timeout);
        services.AddSingleton<IOutboxChannel, WebhookDelivery>();
        services.AddSingleton<IOutboxChannel, EmailDelivery>();
        services.AddScoped<OutboxRound>();
        services.AddSingleton<OutboxBacklog>();
        services.AddHostedService<OutboxSender>();
        services.AddScoped<IWorkflowOutbox, DbOutbox>();
        return services;
    }
}
