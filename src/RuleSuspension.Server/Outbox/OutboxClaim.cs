using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Outbox;
using RuleSuspension.Persistence;

namespace RuleSuspension.Server.Outbox;

/// <summary>The ways an outbox message goes out; each tracks its own attempts, so a failure on one never resends on another.</summary>
internal enum OutboxChannel
{
    Webhook,
    Email,
}

/// <summary>Takes the due, undelivered messages for one sender, oldest first, so that no other node sends them meanwhile.</summary>
internal static class OutboxClaim
{
    /// <param name="types">For <see cref="OutboxChannel.Email"/>: the message types that channel sends (webhooks send every type).</param>
    public static async Task<List<OutboxMessage>> TakeAsync(
        RuleSuspensionDb db, OutboxChannel channel, IReadOnlyList<string> types, DateTimeOffset now, DateTimeOffset until, int batchSize, int maxAttempts, CancellationToken cancellationToken)
    {
        List<OutboxMessage> due;
        if (db.Database.IsNpgsql())
        {
            // Several nodes share the table: the row locks, skipped by the others, keep two of them from taking the same
            // message; the claim (NextAttemptAt in the future) then keeps it theirs after this short transaction ends.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var typeArray = types.ToArray();
            due = await (channel == OutboxChannel.Webhook
                ? db.Outbox.FromSqlInterpolated($"""
                    SELECT * FROM "Outbox"
                    WHERE "DeliveredAt" IS NULL AND ("NextAttemptAt" IS NULL OR "NextAttemptAt" <= {now}) AND "Attempts" < {maxAttempts}
                    ORDER BY "CreatedAt"
                    LIMIT {batchSize}
                    FOR UPDATE SKIP LOCKED
                    """)
                : db.Outbox.FromSqlInterpolated($"""
                    SELECT * FROM "Outbox"
                    WHERE "EmailedAt" IS NULL AND ("EmailNextAttemptAt" IS NULL OR "EmailNextAttemptAt" <= {now}) AND "EmailAttempts" < {maxAttempts}
                      AND "Type" = ANY({typeArray})
                    ORDER BY "CreatedAt"
                    LIMIT {batchSize}
                    FOR UPDATE SKIP LOCKED
                    """)).ToListAsync(cancellationToken);
            Claim(due, channel, until);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            // SQLite has one writer (one node): a plain query is enough.
            var query = channel == OutboxChannel.Webhook
                ? db.Outbox.Where(m => m.DeliveredAt == null && (m.NextAttemptAt == null || m.NextAttemptAt <= now) && m.Attempts < maxAttempts)
                : db.Outbox.Where(m => m.EmailedAt == null && (m.EmailNextAttemptAt == null || m.EmailNextAttemptAt <= now) && m.EmailAttempts < maxAttempts && types.Contains(m.Type));
            due = await query.OrderBy(m => m.CreatedAt).Take(batchSize).ToListAsync(cancellationToken);
            Claim(due, channel, until);
            await db.SaveChangesAsync(cancellationToken);
        }

        return due.OrderBy(m => m.CreatedAt).ToList();
    }

    private static void Claim(List<OutboxMessage> messages, OutboxChannel channel, DateTimeOffset until)
    {
        foreach (var message in messages)
        {
            message.Claim(channel, until);
        }
    }
}

/// <summary>The per-channel steps of a message's delivery, so that the claim and retry logic is written once.</summary>
internal static class OutboxChannelSteps
{
    public static void Claim(this OutboxMessage message, OutboxChannel channel, DateTimeOffset until)
    {
        if (channel == OutboxChannel.Webhook)
        {
            message.Claim(until);
        }
        else
        {
            message.ClaimEmail(until);
        }
    }

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
