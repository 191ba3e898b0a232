using RuleSuspension.Workflows.Runtime;

namespace RuleSuspension.Workflows.Ports;

/// <summary>Saves instances. Each save commits the instance, its new journal entries and the step's side effects together.</summary>
public interface IWorkflowInstanceStore
{
    /// <summary>Registers a new instance (saved by the next <see cref="SaveAsync"/>).</summary>
    Task AddAsync(WorkflowInstance instance, CancellationToken cancellationToken);

    /// <summary>Persists the instance after a step with the journal entries that step wrote.</summary>
    Task SaveAsync(WorkflowInstance instance, IReadOnlyList<WorkflowJournalEntry> newEntries, CancellationToken cancellationToken);
}
