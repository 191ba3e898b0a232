using Mediator;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Tasks;
using RuleSuspension.Persistence;

namespace RuleSuspension.Application.Tasks;

/// <summary>The task inbox: tasks, newest first, optionally of one customer and one status (<c>open</c>, <c>completed</c>, <c>cancelled</c>).</summary>
public sealed record ListTasks(string? CustomerId, HumanTaskStatus? Status, int? Limit) : IQuery<IReadOnlyList<HumanTask>>
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;
}

public sealed class ListTasksHandler(RuleSuspensionDb db) : IQueryHandler<ListTasks, IReadOnlyList<HumanTask>>
{
    public async ValueTask<IReadOnlyList<HumanTask>> Handle(ListTasks query, CancellationToken cancellationToken)
    {
        var tasks = db.Tasks.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.CustomerId))
        {
            tasks = tasks.Where(t => t.CustomerId == query.CustomerId);
        }

        if (query.Status is { } wanted)
        {
            tasks = tasks.Where(t => t.Status == wanted);
        }

        var limit = Math.Clamp(query.Limit ?? ListTasks.DefaultLimit, 1, ListTasks.MaxLimit);
        return await tasks.OrderByDescending(t => t.CreatedAt).Take(limit).ToListAsync(cancellationToken);
    }
}
