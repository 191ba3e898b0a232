using RuleSuspension.Persistence;
using RuleSuspension.Workflows.Ports;
using RuleSuspension.Workflows.Runtime;

namespace RuleSuspension.Infrastructure.Workflows;

/// <summary>
/// Stages an instance after each step with that step's journal entries, beside everything the step changed (a
/// suspension, a task, an outbox message, a timer). Nothing is written here: the unit of work that holds the
/// customer's lock saves all of it and commits at once (<see cref="Persistence.Locking.CustomerLockScope"/>), so a
/// run is never half stored and costs one round of statements however many steps it takes.
/// </summary>
internal sealed class DbInstanceStore(RuleSuspensionDb db) : IWorkflowInstanceStore
{
    public Task AddAsync(WorkflowInstance instance, CancellationToken cancellationToken)
    {
        db.WorkflowInstances.Add(instance);
        return Task.CompletedTask;
    }

    public Task SaveAsync(WorkflowInstance instance, IReadOnlyList<WorkflowJournalEntry> newEntries, CancellationToken cancellationToken)
    {
        instance.IncrementVersion();
        db.WorkflowJournal.AddRange(newEntries);
        return Task.CompletedTask;
    }
}
