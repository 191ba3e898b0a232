using Mediator;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Audit;
using RuleSuspension.Persistence;

namespace RuleSuspension.Application.Audit;

/// <summary>The audit trail, newest first, optionally of one customer and one action; paged with <c>Before</c> (the id of the last entry seen).</summary>
public sealed record ListAuditEntries(string? CustomerId, string? Action, long? Before, int? Limit) : IQuery<IReadOnlyList<AuditEntry>>
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
}

public sealed class ListAuditEntriesHandler(RuleSuspensionDb db) : IQueryHandler<ListAuditEntries, IReadOnlyList<AuditEntry>>
{
    public async ValueTask<IReadOnlyList<AuditEntry>> Handle(ListAuditEntries query, CancellationToken cancellationToken)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.CustomerId))
        {
            entries = entries.Where(a => a.CustomerId == query.CustomerId);
        }

        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            entries = entries.Where(a => a.Action == query.Action);
        }

        if (query.Before is { } cursor)
        {
            entries = entries.Where(a => a.Id < cursor);
        }

        var limit = Math.Clamp(query.Limit ?? ListAuditEntries.DefaultLimit, 1, ListAuditEntries.MaxLimit);
        return await entries.OrderByDescending(a => a.Id).Take(limit).ToListAsync(cancellationToken);
    }
}
