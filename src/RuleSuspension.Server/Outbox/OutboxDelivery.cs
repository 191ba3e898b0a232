using RuleSuspension.Domain.Outbox;
using RuleSuspension.Persistence;
using RuleSuspension.Persistence.Telemetry;

namespace RuleSuspension.Server.Outbox;

/// <summary>What one send of one message came to.</summary>
internal readonly record struct SendOutcome(string? Error, bool NothingToSend = false)
{
    public static SendOutcome Sent => new(null);

    /// <summary>The channel has no one to send this message to: it is done with it, without an attempt.</summary>
    public static SendOutcome Nothing => new(null, true);

    public static SendOutcome Failed(string error) => new(error);
}

/// <summary>
/// One round of delivery on one channel: claims the due messages and sends each. A message is done when the send
/// succeeded; otherwise the attempt is recorded and the message waits out its backoff. Delivery is at least once (a
/// crash after a send repeats it); receivers drop repeats by id.
/// </summary>
internal abstract class OutboxDelivery(RuleSuspensionDb db, TimeProvider clock, ILogger log)
{
    protected RuleSuspensionDb Db { get; } = db;

    protected TimeProvider Clock => clock;

    protected abstract OutboxChannel Channel { get; }

    protected abstract OutboxDeliverySettings Settings { get; }

    /// <summary>The message types this channel sends; empty means all of them.</summary>
    protected virtual IReadOnlyList<string> Types => [];

    /// <summary>How long one message's sending may take at most (all its sends, with their timeouts).</summary>
    protected abstract TimeSpan LongestSend { get; }

    protected abstract Task<SendOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken);

    /// <summary>Delivers one batch; answers how many messages it took (a full batch means more may be waiting).</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();

        // Messages are sent one after another, so the claim must outlast the slowest possible batch; a node that dies
        // mid-batch leaves its claims to run out, and the messages become due again.
        var claimFor = LongestSend * Settings.BatchSize + Settings.PollInterval;
        var messages = await OutboxClaim.TakeAsync(Db, Channel, Types, now, now + claimFor, Settings.BatchSize, Settings.MaxAttempts, cancellationToken);
        var remaining = new Queue<OutboxMessage>(messages);
        try
        {
            while (remaining.TryPeek(out var message))
            {
                var outcome = await SendAsync(message, cancellationToken);
                var at = clock.GetUtcNow();
                if (outcome.NothingToSend && Channel == OutboxChannel.Email)
                {
                    message.SkipEmail(at);
                }
                else if (outcome.Error is null)
                {
                    message.Succeeded(Channel, at);
                }
                else
                {
                    var attempt = message.AttemptsOn(Channel) + 1;
                    message.Failed(Channel, at, Truncate(outcome.Error), at + Settings.Backoff(attempt));
                    ServiceMetrics.OutboxFailed(Channel == OutboxChannel.Email ? "email" : "webhook");
                    log.LogWarning("{Channel} {MessageId} ({Type}) not delivered, attempt {Attempt}: {Error}", Channel, message.Id, message.Type, attempt, outcome.Error);
                }

                await Db.SaveChangesAsync(cancellationToken);
                remaining.Dequeue();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: what was not sent is given back at once rather than left claimed until the claim runs out.
            await ReleaseAsync(remaining);
            throw;
        }

        return messages.Count;
    }

    private async Task ReleaseAsync(IEnumerable<OutboxMessage> unsent)
    {
        try
        {
            foreach (var message in unsent)
            {
                message.Release(Channel);
            }

            await Db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            // Not fatal: the claims run out by themselves.
            log.LogDebug(e, "Could not give back claimed outbox messages ({Channel}) at shutdown.", Channel);
        }
    }

    private static string Truncate(string error) => error.Length <= 2000 ? error : error[..2000];
}
