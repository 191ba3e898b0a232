using RuleSuspension.Domain.Outbox;
using RuleSuspension.Persistence;
using RuleSuspension.Persistence.Outbox;
using RuleSuspension.Persistence.Telemetry;

namespace RuleSuspension.Infrastructure.Outbox;

/// <summary>
/// One round of delivery on one channel: claims the due deliveries (the database's dialect writes the claim:
/// <see cref="IDatabaseDialect.ClaimOutboxAsync"/>) and sends each in one batch. A delivery is done when the send
/// succeeded; otherwise the attempt is recorded and it waits out its backoff, or is given up on after the channel's
/// <see cref="OutboxDeliverySettings.MaxAttempts"/>. Delivery is at least once (a crash after a send repeats it);
/// receivers drop repeats by id.
/// </summary>
internal sealed class OutboxRound(RuleSuspensionDb db, TimeProvider clock, ILogger<OutboxRound> log)
{
    /// <summary>Delivers one batch; answers how many deliveries it took (a full batch means more may be waiting).</summary>
    public async Task<int> DeliverDueAsync(IOutboxChannel channel, CancellationToken cancellationToken)
    {
        var settings = channel.Settings;
        var now = clock.GetUtcNow();

        // Messages are sent one after another, so the claim must outlast the slowest possible batch; a node that dies
        // mid-batch leaves its claims to run out, and the deliveries become due again.
        var claimFor = channel.LongestSend * settings.BatchSize + settings.PollInterval;
        var deliveries = await db.Dialect.ClaimOutboxAsync(db, new OutboxDue(channel.Channel, now, now + claimFor, settings.BatchSize), cancellationToken);
        if (deliveries.Count == 0)
        {
            return 0;
        }

        var remaining = new Queue<OutboxDelivery>(deliveries);
        try
        {
            await using var batch = await channel.StartBatchAsync(db, cancellationToken);
            while (remaining.TryPeek(out var delivery))
            {
                var outcome = await batch.SendAsync(delivery.Message, cancellationToken);
                Record(channel, delivery, outcome);
                await db.SaveChangesAsync(cancellationToken);
                remaining.Dequeue();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: what was not sent is given back at once rather than left claimed until the claim runs out.
            await ReleaseAsync(channel, remaining);
            throw;
        }

        return deliveries.Count;
    }

    private void Record(IOutboxChannel channel, OutboxDelivery delivery, SendOutcome outcome)
    {
        var at = clock.GetUtcNow();
        if (outcome.NothingToSend)
        {
            delivery.Skip(at);
        }
        else if (outcome.Error is null)
        {
            delivery.Succeeded(at);
        }
        else
        {
            var attempt = delivery.Attempts + 1;
            delivery.Failed(at, Truncate(outcome.Error), at + channel.Settings.Backoff(attempt), channel.Settings.MaxAttempts);
            ServiceMetrics.OutboxFailed(channel.Channel.ToString().ToLowerInvariant());
            log.LogWarning("{Channel} {MessageId} ({Type}) not delivered, attempt {Attempt}: {Error}", channel.Channel, delivery.MessageId, delivery.Message.Type, attempt, outcome.Error);
        }
    }

    private async Task ReleaseAsync(IOutboxChannel channel, IEnumerable<OutboxDelivery> unsent)
    {
        try
        {
            foreach (var delivery in unsent)
            {
                delivery.Release();
            }

            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            // Not fatal: the claims run out by themselves.
            log.LogDebug(e, "Could not give back claimed outbox deliveries ({Channel}) at shutdown.", channel.Channel);
        }
    }

    private static string Truncate(string error) => error.Length <= 2000 ? error : error[..2000];
}
