using Microsoft.EntityFrameworkCore;
using RuleSuspension.Persistence;
using RuleSuspension.Persistence.Telemetry;
using RuleSuspension.Domain.Outbox;
using RuleSuspension.Infrastructure.Outbox.Email;

namespace RuleSuspension.Server.Telemetry;

/// <summary>Undelivered outbox messages per channel that are still being tried (not given up after MaxAttempts).</summary>
public sealed record OutboxBacklogCount(long Webhook, long Email);

/// <summary>Counts the outbox backlog: for <c>/health</c> on demand, and for the gauge every <see cref="TelemetrySettings.BacklogInterval"/>.</summary>
internal sealed class OutboxBacklog(SmtpSettings smtp)
{
    public async Task<OutboxBacklogCount> CountAsync(RuleSuspensionDb db, CancellationToken cancellationToken)
    {
        var webhook = await db.OutboxDeliveries.LongCountAsync(d => d.Channel == OutboxChannel.Webhook && d.Status == DeliveryStatus.Pending, cancellationToken);

        // With email off nothing is waiting to be mailed.
        var email = smtp.Enabled
            ? await db.OutboxDeliveries.LongCountAsync(d => d.Channel == OutboxChannel.Email && d.Status == DeliveryStatus.Pending, cancellationToken)
            : 0;
        return new OutboxBacklogCount(webhook, email);
    }
}

/// <summary>Samples the backlog for the <c>rulesuspension.outbox.backlog</c> gauge, off the scrape's path.</summary>
internal sealed class OutboxBacklogSampler(IServiceScopeFactory scopes, OutboxBacklog backlog, TelemetrySettings settings, ILogger<OutboxBacklogSampler> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.BacklogInterval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var count = await backlog.CountAsync(scope.ServiceProvider.GetRequiredService<RuleSuspensionDb>(), stoppingToken);
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
