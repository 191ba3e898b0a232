using Microsoft.EntityFrameworkCore;
using RuleSuspension.Persistence;
using RuleSuspension.Workflows.Runtime;

namespace RuleSuspension.Application.Workflows;

/// <summary>Instances and their journals, as people look at them.</summary>
public static class WorkflowInstanceQueries
{
    public static Task<WorkflowInstance?> FindInstanceAsync(this RuleSuspensionDb db, Guid id, CancellationToken cancellationToken)
        => db.WorkflowInstances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);

    public static async Task<IReadOnlyList<WorkflowJournalEntry>> JournalOfAsync(this RuleSuspensionDb db, Guid instanceId, CancellationToken cancellationToken)
        => await db.WorkflowJournal.AsNoTracking().Where(e => e.InstanceId == instanceId).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);

    /// <summary>The journals of several instances in one query.</summary>
    public static async Task<ILookup<Guid, WorkflowJournalEntry>> JournalsOfAsync(this RuleSuspensionDb db, IReadOnlyCollection<Guid> instanceIds, CancellationToken cancellationToken)
        => (await db.WorkflowJournal.AsNoTracking().Where(e => instanceIds.Contains(e.InstanceId)).ToListAsync(cancellationToken)).ToLookup(e => e.InstanceId);

    /// <summary>Instances, newest first, optionally of one customer.</summary>
    public static async Task<IReadOnlyList<WorkflowInstance>> ListInstancesAsync(this RuleSuspensionDb db, string? customerId, int limit, CancellationToken cancellationToken)
    {
        var query = db.WorkflowInstances.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(customerId))
        {
            query = query.Where(i => i.CustomerId == customerId);
        }

        return await query.OrderByDescending(i => i.CreatedAt).Take(limit).ToListAsync(cancellationToken);
    }
}
