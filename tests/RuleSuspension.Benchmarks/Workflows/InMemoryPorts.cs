using RuleSuspension.Rules;
using RuleSuspension.Rules.Facts;
using RuleSuspension.Workflows.Ports;
using RuleSuspension.Workflows.Runtime;

namespace RuleSuspension.Benchmarks.Workflows;

/// <summary>
/// The runtime's ports in memory, doing the least that keeps a run honest (a real compiled rule set decides), so
/// that the benchmark measures the engine: stepping, journal entries, bookmarks, expression and rule evaluation.
/// </summary>
internal sealed class InMemoryPorts(CompiledRuleSet ruleSet, FactSet facts)
    : IWorkflowInstanceStore, IWorkflowFacts, IRuleSetEvaluator, ICustomerSuspensions, IHumanTaskInbox, IWorkflowOutbox, IWorkflowTimerScheduler
{
    private readonly ParameterValues _parameters = new(new Dictionary<string, System.Text.Json.JsonElement>());

    public int Steps { get; private set; }

    public Guid LastTask { get; private set; }

    public Task AddAsync(WorkflowInstance instance, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SaveAsync(WorkflowInstance instance, IReadOnlyList<WorkflowJournalEntry> newEntries, CancellationToken cancellationToken)
    {
        Steps += newEntries.Count;
        return Task.CompletedTask;
    }

    public Task<FactSet> BuildAsync(string customerId, string? eventId, DateOnly? asOf, FactNeeds needs, CancellationToken cancellationToken) => Task.FromResult(facts);

    public Task<FactNeeds> NeedsAsync(string ruleSet1, CancellationToken cancellationToken) => Task.FromResult(ruleSet.Needs);

    public Task<RuleSetEvaluation> EvaluateAsync(string ruleSet1, FactSet facts1, CancellationToken cancellationToken)
        => Task.FromResult(new RuleSetEvaluation(1, ruleSet.Evaluate(facts1, _parameters)));

    public Task<SuspendResult> SuspendAsync(SuspendRequest request, CancellationToken cancellationToken)
        => Task.FromResult(new SuspendResult(SuspendStatus.Suspended, Guid.NewGuid(), "Suspended."));

    public Task<LiftResult> LiftAsync(LiftRequest request, CancellationToken cancellationToken)
        => Task.FromResult(new LiftResult(true, request.SuspensionId, "Lifted."));

    public Task<Guid> OpenAsync(OpenTaskRequest request, CancellationToken cancellationToken)
    {
        LastTask = Guid.NewGuid();
        return Task.FromResult(LastTask);
    }

    public Task EnqueueAsync(OutboxRequest request, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ScheduleAsync(TimerRequest request, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task CancelAsync(Guid instanceId, string activityId, CancellationToken cancellationToken) => Task.CompletedTask;
}
