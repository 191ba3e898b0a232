using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Common;
using RuleSuspension.Persistence;
using RuleSuspension.Persistence.Locking;
using RuleSuspension.Workflows.Definitions;
using RuleSuspension.Workflows.Runtime;

namespace RuleSuspension.Application.Workflows;

/// <summary>
/// Starts the published version of a workflow for a customer, outside any event: the overdue check starts
/// <c>overdue-invoices</c> this way for each customer with overdue invoices.
/// </summary>
public sealed class WorkflowStarter(RuleSuspensionDb db, CustomerLock locks, WorkflowDefinitionCache definitions, WorkflowDispatcher dispatcher)
{
    /// <param name="definitionId">The workflow, e.g. <c>overdue-invoices</c>.</param>
    /// <param name="customerId">The customer it runs for.</param>
    /// <param name="asOf">The check's date (facts' <c>today</c>); null for today.</param>
    /// <param name="cancellationToken">Cancels the start (nothing is stored then).</param>
    public async Task<WorkflowInstance> StartAsync(string definitionId, string customerId, DateOnly? asOf, CancellationToken cancellationToken)
    {
        await using var locked = await locks.AcquireAsync(db, customerId, cancellationToken);
        if (!await db.Customers.AnyAsync(c => c.Id == customerId, cancellationToken))
        {
            throw DomainException.NotFound("Customer", customerId);
        }

        var instance = await dispatcher.StartAsync(await PublishedAsync(definitionId, cancellationToken), customerId, asOf, cancellationToken);
        await locked.CommitAsync(cancellationToken);
        return instance;
    }

    /// <summary>
    /// Starts <paramref name="definition"/> for a customer the caller has loaded and locked, inside the caller's unit of
    /// work (the overdue check's batch), which saves and commits it with the rest.
    /// </summary>
    public Task<WorkflowInstance> StartAsync(WorkflowDefinition definition, string customerId, DateOnly? asOf, CancellationToken cancellationToken)
        => !db.InUnitOfWork
            ? throw new InvalidOperationException("Start a resolved definition inside the caller's unit of work.")
            : dispatcher.StartAsync(definition, customerId, asOf, cancellationToken);

    /// <summary>The published version of a workflow.</summary>
    public async Task<WorkflowDefinition> PublishedAsync(string definitionId, CancellationToken cancellationToken)
    {
        var version = await db.WorkflowVersions.AsNoTracking()
            .Where(v => v.DefinitionId == definitionId && v.Status == WorkflowVersionStatus.Published)
            .Select(v => (int?)v.Version).FirstOrDefaultAsync(cancellationToken)
            ?? throw DomainException.NotFound("Published workflow", definitionId);
        return await definitions.GetAsync(db, definitionId, version, cancellationToken);
    }
}
