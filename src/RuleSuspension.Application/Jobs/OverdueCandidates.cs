using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Customers;
using RuleSuspension.Persistence;

namespace RuleSuspension.Application.Jobs;

/// <summary>
/// The customers the overdue check looks at, found by one set-based query and streamed: active (not suspended),
/// not exempt (or exempt until a day before the latest "today" of any tenant), with at least one unpaid invoice due
/// before that latest "today".
/// </summary>
internal static class OverdueCandidates
{
    /// <summary>
    /// Streams the ids in order, in batches. The query runs on its own context (its own connection), so the batches
    /// can be written through other contexts while it is read.
    /// </summary>
    public static async IAsyncEnumerable<IReadOnlyList<string>> StreamAsync(
        RuleSuspensionDb reader, CheckClock clock, int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var dueBefore = clock.LatestToday;
        var ids = reader.Customers.AsNoTracking()
            .Where(c => c.Status == CustomerStatus.Active && (!c.Exempt || c.ExemptUntil != null && c.ExemptUntil < dueBefore)
                        && reader.Invoices.Any(i => i.CustomerId == c.Id && i.PaidAt == null && i.DueDate < dueBefore))
            .OrderBy(c => c.Id)
            .Select(c => c.Id)
            .AsAsyncEnumerable();
        var batch = new List<string>(batchSize);
        await foreach (var id in ids.WithCancellation(cancellationToken))
        {
            batch.Add(id);
            if (batch.Count == batchSize)
            {
                yield return batch;
                batch = new List<string>(batchSize);
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }
}
