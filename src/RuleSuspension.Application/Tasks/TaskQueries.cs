using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Tasks;
using RuleSuspension.Persistence;

namespace RuleSuspension.Application.Tasks;

/// <summary>The task inbox.</summary>
public static class TaskQueries
{
    /// <summary>Tasks, newest first, optionally of one customer and one status (<c>open</c>, <c>completed</c>, <c>cancelled</c>).</summary>
    public static async Task<IReadOnlyList<HumanTask>> ListTasksAsync(this RuleSuspensionDb db, string? customerId, HumanTaskStatus? status, int limit, CancellationToken cancellationToken)
    {
        var query = db.Tasks.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(customerId))
        {
            query = query.Where(t => t.CustomerId == customerId);
        }

        if (status is { } wanted)
        {
            query = query.Where(t => t.Status == wanted);
        }

        return await query.OrderByDescending(t => t.CreatedAt).Take(limit).ToListAsync(cancellationToken);
    }
}
