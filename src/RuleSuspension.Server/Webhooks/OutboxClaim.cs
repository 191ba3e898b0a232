using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Outbox;
using RuleSuspension.Persistence;

namespace RuleSuspension.Server.Webhooks;

/// <summary>Takes the due, undelivered messages for one sender, oldest first, so that no other node sends them meanwhile.</summary>
internal static class OutboxClaim
{
    public static async Task<List<OutboxMessage>> TakeAsync(RuleSuspensionDb db, DateTimeOffset now, DateTimeOffset until, int batchSize, int maxAttempts, CancellationToken cancellationToken)
    {
        List<OutboxMessage> due;
        if (db.Database.IsNpgsql())
        {
            // Several nodes share the table: the row locks, skipped by the others, keep two of them from taking the same
            // message; the claim (NextAttemptAt in the future) then keeps it theirs after this short transaction ends.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            due = await db.Outbox.FromSqlInterpolated($"""
                SELECT * FROM "Outbox"
                WHERE "DeliveredAt" IS NULL AND ("NextAttemptAt" IS NULL OR "NextAttemptAt" <= {now}) AND "Attempts" < {maxAttempts}
                ORDER BY "CreatedAt"
                LIMIT {batchSize}
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(cancellationToken);
            Claim(due, until);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            // SQLite has one writer (one node): a plain query is enough.
            due = await db.Outbox
                .Where(m => m.DeliveredAt == null && (m.NextAttemptAt == null || m.NextAttemptAt <= now) && m.Attempts < maxAttempts)
                .OrderBy(m => m.CreatedAt)
                .Take(batchSize)
                .ToListAsync(cancellationToken);
            Claim(due, until);
            await db.SaveChangesAsync(cancellationToken);
        }

        return due.OrderBy(m => m.CreatedAt).ToList();
    }

    private static void Claim(List<OutboxMessage> messages, DateTimeOffset until)
    {
        foreach (var message in messages)
        {
            message.Claim(until);
        }
    }
}
