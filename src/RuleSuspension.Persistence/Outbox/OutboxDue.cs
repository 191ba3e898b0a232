using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Outbox;

namespace RuleSuspension.Persistence.Outbox;

/// <summary>
/// Which deliveries one channel's sender takes: pending on its channel, due (never tried, past their backoff or an
/// abandoned claim), oldest message first. The dialects write it in their SQL; its parameters are
/// <see cref="Parameters"/>.
/// </summary>
/// <param name="Until">The claim: no other sender takes the deliveries before then.</param>
public sealed record OutboxDue(OutboxChannel Channel, DateTimeOffset Now, DateTimeOffset Until, int BatchSize)
{
    /// <summary><c>{0}</c> the channel, <c>{1}</c> now, <c>{2}</c> the batch size, <c>{3}</c> the pending status (as stored).</summary>
    public object[] Parameters => [Channel.ToString(), Now, BatchSize, nameof(DeliveryStatus.Pending)];

    /// <summary>The same condition in LINQ, for a database whose one writer needs no row locks.</summary>
    public IQueryable<OutboxDelivery> Select(IQueryable<OutboxDelivery> deliveries)
    {
        var (channel, now) = (Channel, Now);
        return deliveries
            .Where(d => d.Channel == channel && d.Status == DeliveryStatus.Pending && (d.NextAttemptAt == null || d.NextAttemptAt <= now))
            .OrderBy(d => d.Message.CreatedAt)
            .Take(BatchSize);
    }

    /// <summary>Takes the deliveries until <see cref="Until"/> and loads their messages.</summary>
    private async Task<List<OutboxDelivery>> ClaimAsync(RuleSuspensionDb db, List<OutboxDelivery> due, CancellationToken cancellationToken)
    {
        foreach (var delivery in due)
        {
            delivery.Claim(Until);
        }

        await db.SaveChangesAsync(cancellationToken);
        var ids = due.Select(d => d.MessageId).ToList();

        // Loaded into the same context, the messages become the deliveries' Message.
        await db.Outbox.Where(m => ids.Contains(m.Id)).LoadAsync(cancellationToken);
        return due.OrderBy(d => d.Message.CreatedAt).ToList();
    }

    /// <summary>
    /// The rows <paramref name="locked"/> reads are locked (skipped by the other nodes, or the whole database held on
    /// SQLite), so no two senders take the same delivery; the claim keeps them theirs after this short transaction ends.
    /// </summary>
    internal async Task<List<OutboxDelivery>> ClaimLockedAsync(RuleSuspensionDb db, IQueryable<OutboxDelivery> locked, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await locked.ToListAsync(cancellationToken);
        var claimed = await ClaimAsync(db, due, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }
}
