using Mediator;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Common;
using RuleSuspension.Persistence;
using RuleSuspension.Workflows.Runtime;

namespace RuleSuspension.Application.Workflows;

/// <summary>An instance with its journal, as people look at it; <c>CustomerName</c> is set where the query reads it.</summary>
public sealed record InstanceView(WorkflowInstance Instance, IReadOnlyList<WorkflowJournalEntry> Journal, string? CustomerName = null);

/// <summary>
/// One page of instances, optionally of one customer and in one status: faulted ones (the incidents) newest fault
/// first, the others newest start first; with the count of all that match and the customers' names.
/// </summary>
public sealed record ListWorkflowInstances(string? CustomerId, WorkflowStatus? Status, int? Offset, int? Limit) : IQuery<InstancePage>
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;
}

public sealed record InstancePage(IReadOnlyList<InstanceView> Instances, int Total);

/// <summary>One instance with its journal; not found is a 404.</summary>
public sealed record GetWorkflowInstance(Guid Id) : IQuery<InstanceView>;

/// <summary>An instance's journal in order (empty for an unknown instance).</summary>
public sealed record GetWorkflowJournal(Guid InstanceId) : IQuery<IReadOnlyList<WorkflowJournalEntry>>;

public sealed class ListWorkflowInstancesHandler(RuleSuspensionDb db) : IQueryHandler<ListWorkflowInstances, InstancePage>
{
    public async ValueTask<InstancePage> Handle(ListWorkflowInstances query, CancellationToken cancellationToken)
    {
        var instances = db.WorkflowInstances.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.CustomerId))
        {
            instances = instances.Where(i => i.CustomerId == query.CustomerId);
        }

        if (query.Status is { } wanted)
        {
            instances = instances.Where(i => i.Status == wanted);
        }

        var total = await instances.CountAsync(cancellationToken);
        var ordered = query.Status == WorkflowStatus.Faulted ? instances.OrderByDescending(i => i.UpdatedAt) : instances.OrderByDescending(i => i.CreatedAt);
        var page = await ordered.ThenBy(i => i.Id)
            .Skip(Math.Max(query.Offset ?? 0, 0))
            .Take(Math.Clamp(query.Limit ?? ListWorkflowInstances.DefaultLimit, 1, ListWorkflowInstances.MaxLimit))
            .ToListAsync(cancellationToken);

        // The journals and the names (the incidents list shows whom each one concerns) in one query each.
        var ids = page.Select(i => i.Id).ToList();
        var journals = (await db.WorkflowJournal.AsNoTracking().Where(e => ids.Contains(e.InstanceId)).ToListAsync(cancellationToken)).ToLookup(e => e.InstanceId);
        var customerIds = page.Select(i => i.CustomerId).Distinct().ToList();
        var names = await db.Customers.AsNoTracking().Where(c => customerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        return new InstancePage(page.Select(i => new InstanceView(i, journals[i.Id].ToList(), names.GetValueOrDefault(i.CustomerId))).ToList(), total);
    }
}

public sealed class GetWorkflowInstanceHandler(RuleSuspensionDb db) : IQueryHandler<GetWorkflowInstance, InstanceView>
{
    public async ValueTask<InstanceView> Handle(GetWorkflowInstance query, CancellationToken cancellationToken)
    {
        var instance = await db.WorkflowInstances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == query.Id, cancellationToken)
            ?? throw DomainException.NotFound("Workflow instance", query.Id.ToString());
        return new InstanceView(instance, await db.JournalOfAsync(query.Id, cancellationToken));
    }
}

public sealed class GetWorkflowJournalHandler(RuleSuspensionDb db) : IQueryHandler<GetWorkflowJournal, IReadOnlyList<WorkflowJournalEntry>>
{
    public async ValueTask<IReadOnlyList<WorkflowJournalEntry>> Handle(GetWorkflowJournal query, CancellationToken cancellationToken)
        => await db.JournalOfAsync(query.InstanceId, cancellationToken);
}

internal static class WorkflowJournalReads
{
    public static async Task<IReadOnlyList<WorkflowJournalEntry>> JournalOfAsync(this RuleSuspensionDb db, Guid instanceId, CancellationToken cancellationToken)
        => await db.WorkflowJournal.AsNoTracking().Where(e => e.InstanceId == instanceId).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
}
