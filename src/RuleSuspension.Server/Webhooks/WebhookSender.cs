using RuleSuspension.Server.Outbox;

namespace RuleSuspension.Server.Webhooks;

/// <summary>Every <see cref="OutboxDeliverySettings.PollInterval"/>, delivers what the outbox holds (nothing runs without endpoints).</summary>
internal sealed class WebhookSender(IServiceScopeFactory scopes, WebhookSettings settings, ILogger<WebhookSender> log)
    : OutboxSender<WebhookDelivery>(scopes)
{
    protected override OutboxDeliverySettings Settings => settings;

    protected override ILogger Log => log;

    protected override bool Announce()
    {
        if (settings.Endpoints.Count == 0)
        {
            log.LogInformation("Webhooks: no endpoints configured; outbox messages are kept undelivered.");
            return false;
        }

        log.LogInformation("Webhooks: {Count} endpoint(s) configured, polling every {PollInterval}.", settings.Endpoints.Count, settings.PollInterval);
        return true;
    }
}
