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

    /// <summary>
    /// One page of instances, optionally of one customer and in one status: faulted ones (the incidents) newest fault
    /// first, the others newest start first; with the count of all that match.
    /// </summary>
    public static async Task<(IReadOnlyList<WorkflowInstance> Page, int Total)> ListInstancesAsync(
        this RuleSuspensionDb db, string? customerId, WorkflowStatus? status, int offset, int limit, CancellationToken cancellationToken)
    {
        var query = db.WorkflowInstances.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(customerId))
        {
            query = query.Where(i => i.CustomerId == customerId);
        }

        if (status is { } wanted)
        {
            query = query.Where(i => i.Status == wanted);
        }

        var total = await query.CountAsync(cancellationToken);
        var ordered = status == WorkflowStatus.Faulted ? query.OrderByDescending(i => i.UpdatedAt) : query.OrderByDescending(i => i.CreatedAt);
        return (await ordered.ThenBy(i => i.Id).Skip(offset).Take(limit).ToListAsync(cancellationToken), total);
    }

    /// <summary>The names of the given customers (the incidents list shows who each one concerns).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> CustomerNamesAsync(this RuleSuspensionDb db, IReadOnlyCollection<string> customerIds, CancellationToken cancellationToken)
        => await db.Customers.AsNoTracking().Where(c => customerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
}
