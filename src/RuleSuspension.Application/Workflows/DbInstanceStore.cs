using RuleSuspension.Persistence;
using RuleSuspension.Workflows.Ports;
using RuleSuspension.Workflows.Runtime;

namespace RuleSuspension.Application.Workflows;

/// <summary>
/// Saves an instance after each step with that step's journal entries and everything the step changed (a suspension,
/// a task, an outbox message, a timer) in one SaveChanges: a step is never half done.
/// </summary>
internal sealed class DbInstanceStore(RuleSuspensionDb db) : IWorkflowInstanceStore
{
    public Task AddAsync(WorkflowInstance instance, CancellationToken cancellationToken)
    {
        db.WorkflowInstances.Add(instance);
        return Task.CompletedTask;
    }

    public async Task SaveAsync(WorkflowInstance instance, IReadOnlyList<WorkflowJournalEntry> newEntries, CancellationToken cancellationToken)
    {
        instance.IncrementVersion();
        db.WorkflowJournal.AddRange(newEntries);
        await db.SaveChangesAsync(cancellationToken);
    }
}
