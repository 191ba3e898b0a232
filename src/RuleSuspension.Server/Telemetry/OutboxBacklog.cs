using Microsoft.EntityFrameworkCore;
using RuleSuspension.Persistence;
using RuleSuspension.Persistence.Telemetry;
using RuleSuspension.Server.Email;
using RuleSuspension.Server.Webhooks;

namespace RuleSuspension.Server.Telemetry;

/// <summary>Undelivered outbox messages per channel that are still being tried (not given up after MaxAttempts).</summary>
public sealed record OutboxBacklogCount(long Webhook, long Email);

/// <summary>Counts the outbox backlog: for <c>/health</c> on demand, and for the gauge every <see cref="TelemetrySettings.BacklogInterval"/>.</summary>
// Outbox-owned: counts per channel, so it moves with the outbox's channels (to Infrastructure) and reads in a scope of its own.
internal sealed class OutboxBacklog(WebhookSettings webhooks, SmtpSettings smtp, IServiceScopeFactory scopes)
{
    public async Task<OutboxBacklogCount> CountAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RuleSuspensionDb>();
        var webhook = await db.Outbox.LongCountAsync(m => m.DeliveredAt == null && m.Attempts < webhooks.MaxAttempts, cancellationToken);

        // With email off nothing is waiting to be mailed.
        var email = smtp.Enabled
            ? await db.Outbox.LongCountAsync(m => m.EmailedAt == null && m.EmailAttempts < smtp.MaxAttempts && EmailDelivery.EmailedTypes.Contains(m.Type), cancellationToken)
            : 0;
        return new OutboxBacklogCount(webhook, email);
    }
}

/// <summary>Samples the backlog for the <c>rulesuspension.outbox.backlog</c> gauge, off the scrape's path.</summary>
internal sealed class OutboxBacklogSampler(OutboxBacklog backlog, TelemetrySettings settings, ILogger<OutboxBacklogSampler> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.BacklogInterval);
        do
        {
            try
            {
                var count = await backlog.CountAsync(stoppingToken);
                ServiceMetrics.OutboxBacklog(count.Webhook, count.Email);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be starting or away; the next tick tries again (and /health says so meanwhile).
                log.LogDebug(e, "The outbox backlog could not be sampled.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
