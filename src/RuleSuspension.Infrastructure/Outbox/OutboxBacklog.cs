using Microsoft.EntityFrameworkCore;
using RuleSuspension.Persistence;
using RuleSuspension.Domain.Outbox;
using RuleSuspension.Infrastructure.Outbox.Email;

namespace RuleSuspension.Infrastructure.Outbox;

/// <summary>Undelivered outbox messages per channel that are still being tried (not given up after MaxAttempts).</summary>
public sealed record OutboxBacklogCount(long Webhook, long Email);

/// <summary>Counts the outbox backlog: for <c>/health</c> on demand, and for the telemetry gauge (in a scope of its own, so singletons can ask).</summary>
public sealed class OutboxBacklog(SmtpSettings smtp, IServiceScopeFactory scopes)
{
    public async Task<OutboxBacklogCount> CountAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RuleSuspensionDb>();
        var webhook = await db.OutboxDeliveries.LongCountAsync(d => d.Channel == OutboxChannel.Webhook && d.Status == DeliveryStatus.Pending, cancellationToken);

        // With email off nothing is waiting to be mailed.
        var email = smtp.Enabled
            ? await db.OutboxDeliveries.LongCountAsync(d => d.Channel == OutboxChannel.Email && d.Status == DeliveryStatus.Pending, cancellationToken)
            : 0;
        return new OutboxBacklogCount(webhook, email);
    }
}
