using RuleSuspension.Domain.Outbox;
using RuleSuspension.Persistence;
using RuleSuspension.Persistence.Outbox;

namespace RuleSuspension.Server.Outbox;

/// <summary>The ways an outbox message goes out; each tracks its own attempts, so a failure on one never resends on another.</summary>
internal enum OutboxChannel
{
    Webhook,
    Email,
}

/// <summary>
/// Takes the due, undelivered messages for one sender, oldest first, so that no other node sends them meanwhile (the
/// database's dialect writes the claim: <see cref="IDatabaseDialect.ClaimOutboxAsync"/>).
/// </summary>
internal static class OutboxClaim
{
    /// <param name="types">For <see cref="OutboxChannel.Email"/>: the message types that channel sends (webhooks send every type).</param>
    public static async Task<List<OutboxMessage>> TakeAsync(
        RuleSuspensionDb db, OutboxChannel channel, IReadOnlyList<string> types, DateTimeOffset now, DateTimeOffset until, int batchSize, int maxAttempts, CancellationToken cancellationToken)
    {
        var due = new OutboxDue(channel == OutboxChannel.Email, types, now, until, batchSize, maxAttempts);
        var claimed = await db.Dialect.ClaimOutboxAsync(db, due, cancellationToken);
        return claimed.OrderBy(m => m.CreatedAt).ToList();
    }
}

/// <summary>The per-channel steps of a message's delivery, so that the claim and retry logic is written once.</summary>
internal static class OutboxChannelSteps
{
    public static void Release(this OutboxMessage message, OutboxChannel channel)
    {
        if (channel == OutboxChannel.Webhook)
        {
            message.ReleaseClaim();
        }
        else
        {
            message.ReleaseEmailClaim();
        }
    }

    public static int AttemptsOn(this OutboxMessage message, OutboxChannel channel)
        => channel == OutboxChannel.Webhook ? message.Attempts : message.EmailAttempts;

    public static void Succeeded(this OutboxMessage message, OutboxChannel channel, DateTimeOffset at)
    {
        if (channel == OutboxChannel.Webhook)
        {
            message.RecordAttempt(at, null);
        }
        else
        {
            message.RecordEmailAttempt(at, null);
        }
    }

    public static void Failed(this OutboxMessage message, OutboxChannel channel, DateTimeOffset at, string error, DateTimeOffset retryAt)
    {
        if (channel == OutboxChannel.Webhook)
        {
            message.RecordFailedAttempt(at, error, retryAt);
        }
        else
        {
            message.RecordFailedEmailAttempt(at, error, retryAt);
        }
    }
}
