using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Outbox;

namespace RuleSuspension.Persistence.Outbox;

/// <summary>
/// Which outbox messages one sender takes: undelivered on its channel, due, with attempts left, oldest first; the
/// e-mail channel only the types it sends. The dialects write it in their SQL from the column names here.
/// </summary>
/// <param name="Email">The e-mail channel; otherwise the webhook channel (which sends every type).</param>
/// <param name="Until">The claim: no other sender takes the messages before then.</param>
public sealed record OutboxDue(bool Email, IReadOnlyList<string> Types, DateTimeOffset Now, DateTimeOffset Until, int BatchSize, int MaxAttempts)
{
    /// <summary>The channel's "sent at" column.</summary>
    public string SentColumn => Email ? nameof(OutboxMessage.EmailedAt) : nameof(OutboxMessage.DeliveredAt);

    /// <summary>The channel's "next attempt at" column (also its claim).</summary>
    public string NextAttemptColumn => Email ? nameof(OutboxMessage.EmailNextAttemptAt) : nameof(OutboxMessage.NextAttemptAt);

    public string AttemptsColumn => Email ? nameof(OutboxMessage.EmailAttempts) : nameof(OutboxMessage.Attempts);

    /// <summary>The same condition in LINQ, for a database whose one writer needs no row locks.</summary>
    public IQueryable<OutboxMessage> Select(IQueryable<OutboxMessage> outbox)
    {
        var (now, maxAttempts, types) = (Now, MaxAttempts, Types);
        var due = Email
            ? outbox.Where(m => m.EmailedAt == null && (m.EmailNextAttemptAt == null || m.EmailNextAttemptAt <= now) && m.EmailAttempts < maxAttempts && types.Contains(m.Type))
            : outbox.Where(m => m.DeliveredAt == null && (m.NextAttemptAt == null || m.NextAttemptAt <= now) && m.Attempts < maxAttempts);
        return due.OrderBy(m => m.CreatedAt).Take(BatchSize);
    }

    public void Claim(IEnumerable<OutboxMessage> messages)
    {
        foreach (var message in messages)
        {
            if (Email)
            {
                message.ClaimEmail(Until);
            }
            else
            {
                message.Claim(Until);
            }
        }
    }

    /// <summary>
    /// Several nodes share the table: the rows <paramref name="locked"/> reads are locked, and skipped by the others,
    /// so no two take the same message; the claim then keeps them theirs after this short transaction ends.
    /// </summary>
    internal async Task<List<OutboxMessage>> ClaimLockedAsync(RuleSuspensionDb db, IQueryable<OutboxMessage> locked, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await locked.ToListAsync(cancellationToken);
        Claim(due);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return due;
    }
}
