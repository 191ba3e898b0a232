using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RuleSuspension.Application.Facts;
using RuleSuspension.Application.Jobs;
using RuleSuspension.Application.Tenants;
using RuleSuspension.Domain.Customers;
using RuleSuspension.Persistence;
using RuleSuspension.Rules.Facts;

namespace RuleSuspension.Application.RuleSets;

public sealed record SimulationProgress(int Evaluated, int Total);

/// <summary>
/// Every stored customer with its facts, streamed in batches, for the dry runs over the whole book (simulate and the
/// what-if preview): one loop, so both see the same customers on the same calendar. Reads only; holds no lock.
/// </summary>
public sealed class CustomerBook(RuleSuspensionDb db, TimeProvider clock, ILogger<CustomerBook> logger)
{
    /// <summary>Customers read per round trip; their invoices come in one more.</summary>
    public const int BatchSize = 1000;

    private static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Calls <paramref name="visit"/> with each customer's facts in id order, days counted on
    /// <paramref name="asOf"/> in every tenant, or on each tenant's today when null (as the overdue check counts).
    /// Returns how many customers were visited.
    /// </summary>
    public async Task<int> ForEachAsync(string purpose, DateOnly? asOf, Action<Customer, FactSet> visit, IProgress<SimulationProgress>? progress, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var calendar = await TenantCalendar.LoadAsync(db, CheckClock.At(now, asOf), cancellationToken);
        var total = await db.Customers.CountAsync(cancellationToken);
        var plans = await db.Plans.AsNoTracking().ToDictionaryAsync(p => p.Id, cancellationToken);
        var watch = Stopwatch.StartNew();
        var lastLog = TimeSpan.Zero;
        var visited = 0;
        string? after = null;
        while (true)
        {
            // Keyset paging keeps each batch one indexed range read, however many customers there are.
            // (Two shapes rather than "after == null || ...": an OR would keep PostgreSQL from seeking to the key.)
            var customers = db.Customers.AsNoTracking();
            var batch = await (after is null ? customers : customers.Where(c => string.Compare(c.Id, after) > 0))
                .OrderBy(c => c.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            var last = batch[^1].Id;
            var upToLast = db.Invoices.AsNoTracking().Where(i => string.Compare(i.CustomerId, last) <= 0);
            var invoices = (await (after is null ? upToLast : upToLast.Where(i => string.Compare(i.CustomerId, after) > 0))
                .ToListAsync(cancellationToken)).ToLookup(i => i.CustomerId);
            foreach (var customer in batch)
            {
                var plan = customer.PlanId is { } p ? plans.GetValueOrDefault(p) : null;
                visit(customer, FactBuilder.From(customer, invoices[customer.Id], plan, null, null, calendar.TodayFor(customer.TenantId), now));
            }

            visited += batch.Count;
            after = last;
            progress?.Report(new SimulationProgress(visited, total));
            if (watch.Elapsed - lastLog >= LogEvery)
            {
                lastLog = watch.Elapsed;
                logger.LogInformation("{Purpose}: {Visited}/{Total} customers, {Rate:F0}/s", purpose, visited, total, visited / Math.Max(watch.Elapsed.TotalSeconds, 0.001));
            }
        }

        logger.LogInformation("{Purpose}: {Visited} customers in {Seconds:F1} s", purpose, visited, watch.Elapsed.TotalSeconds);
        return visited;
    }
}
