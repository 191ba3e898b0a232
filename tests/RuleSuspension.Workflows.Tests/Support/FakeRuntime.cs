using System.Text.Json;
using RuleSuspension.Rules;
using RuleSuspension.Rules.Facts;
using RuleSuspension.Workflows.Catalog;
using RuleSuspension.Workflows.Ports;
using RuleSuspension.Workflows.Runtime;

namespace RuleSuspension.Workflows.Tests.Support;

/// <summary>In-memory stand-ins for the runtime's ports, recording what the engine asked of them.</summary>
internal sealed class FakeRuntime : IWorkflowInstanceStore, IWorkflowFacts, IRuleSetEvaluator, ICustomerSuspensions, IHumanTaskInbox, IWorkflowOutbox, IWorkflowTimerScheduler
{
    public FakeTime Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public Dictionary<string, RuleSetDecision> Decisions { get; } = [];

    public CustomerFact Customer { get; set; } = new() { Id = "c-1", Name = "Ada", Email = "ada@example.com" };

    public Dictionary<string, WorkflowEvent> Events { get; } = [];

    public bool Exempt { get; set; }

    public List<SuspendRequest> Suspensions { get; } = [];

    public Guid? ActiveSuspension { get; set; }

    public Guid? SuspendedByInstance { get; set; }

    public List<LiftRequest> Lifts { get; } = [];

    public List<OpenTaskRequest> Tasks { get; } = [];

    public List<OutboxRequest> Outbox { get; } = [];

    public Dictionary<Guid, TimerRequest> Timers { get; } = [];

    public List<WorkflowJournalEntry> Journal { get; } = [];

    public List<WorkflowStatus> SavedStatuses { get; } = [];

    public WorkflowEngine Engine(ActivityCatalog? activities = null) => new(this, this, this, this, this, this, this, Clock, activities);

    public Task AddAsync(WorkflowInstance instance, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SaveAsync(WorkflowInstance instance, IReadOnlyList<WorkflowJournalEntry> newEntries, CancellationToken cancellationToken)
    {
        Journal.AddRange(newEntries);
        SavedStatuses.Add(instance.Status);
        return Task.CompletedTask;
    }

    /// <summary>What each build of facts was asked to include.</summary>
    public List<FactNeeds> FactsBuilt { get; } = [];

    public Task<FactSet> BuildAsync(string customerId, string? eventId, DateOnly? asOf, FactNeeds needs, CancellationToken cancellationToken)
    {
        FactsBuilt.Add(needs);
        var received = eventId is null ? null : Events.GetValueOrDefault(eventId);
        return Task.FromResult(new FactSet
        {
            Customer = Customer with { Exempt = Exempt, Suspended = ActiveSuspension is not null },
            Event = received is null ? null : new EventFact { Id = received.Id, Type = received.Type, OccurredAt = received.OccurredAt, Data = received.Data },
            Today = asOf ?? DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime),
            Now = Clock.GetUtcNow(),
        });
    }

    /// <summary>What each rule set's rules read (none unless set).</summary>
    public Dictionary<string, FactNeeds> RuleSetNeeds { get; } = [];

    public Task<FactNeeds> NeedsAsync(string ruleSet, CancellationToken cancellationToken) => Task.FromResult(RuleSetNeeds.GetValueOrDefault(ruleSet));

    /// <summary>Rule sets that cannot evaluate (until a spec takes them out, as a fix would).</summary>
    public HashSet<string> Broken { get; } = [];

    public Task<RuleSetEvaluation> EvaluateAsync(string ruleSet, FactSet facts, CancellationToken cancellationToken)
        => Broken.Contains(ruleSet) ? throw new InvalidOperationException($"{ruleSet} cannot evaluate") : Task.FromResult(new RuleSetEvaluation(3, Decisions.GetValueOrDefault(ruleSet) ?? new RuleSetDecision()));

    public Task<SuspendResult> SuspendAsync(SuspendRequest request, CancellationToken cancellationToken)
    {
        Suspensions.Add(request);
        if (ActiveSuspension is { } active)
        {
            return Task.FromResult(SuspendedByInstance == request.InstanceId
                ? new SuspendResult(SuspendStatus.AlreadySuspendedByThisInstance, active, "already")
                : new SuspendResult(SuspendStatus.AlreadySuspended, active, "someone else"));
        }

        if (Exempt)
        {
            return Task.FromResult(new SuspendResult(SuspendStatus.Exempt, null, "exempt"));
        }

        ActiveSuspension = Guid.NewGuid();
        SuspendedByInstance = request.InstanceId;
        return Task.FromResult(new SuspendResult(SuspendStatus.Suspended, ActiveSuspension, "suspended"));
    }

    public Task<LiftResult> LiftAsync(LiftRequest request, CancellationToken cancellationToken)
    {
        Lifts.Add(request);
        var lifted = ActiveSuspension;
        ActiveSuspension = null;
        return Task.FromResult(new LiftResult(lifted is not null, lifted, lifted is null ? "nothing to lift" : "lifted"));
    }

    public Task<Guid> OpenAsync(OpenTaskRequest request, CancellationToken cancellationToken)
    {
        Tasks.Add(request);
        return Task.FromResult(Guid.NewGuid());
    }

    public Task EnqueueAsync(OutboxRequest request, CancellationToken cancellationToken)
    {
        Outbox.Add(request);
        return Task.CompletedTask;
    }

    public Task ScheduleAsync(TimerRequest request, CancellationToken cancellationToken)
    {
        Timers[request.TimerId] = request;
        return Task.CompletedTask;
    }

    public Task CancelAsync(Guid instanceId, string activityId, CancellationToken cancellationToken)
    {
        foreach (var timer in Timers.Values.Where(t => t.InstanceId == instanceId && t.ActivityId == activityId).ToList())
        {
            Timers.Remove(timer.TimerId);
        }

        return Task.CompletedTask;
    }

    public WorkflowEvent Event(string id, string type, DateTimeOffset occurredAt, string data = "{}")
    {
        var created = new WorkflowEvent(id, type, occurredAt, Customer.Id, JsonDocument.Parse(data).RootElement.Clone());
        Events[id] = created;
        return created;
    }

    public static RuleSetDecision Suspend(string reasonCode = "identity-check", string message = "Identity not verified.") => new()
    {
        Outcome = DecisionOutcome.Suspend,
        ReasonCode = reasonCode,
        Message = message,
        FiredRules = [new FiredRule("identity-not-verified", 100, [new FiredAction("suspend", reasonCode, message, null)])],
    };
}

/// <summary>A clock the test moves.</summary>
internal sealed class FakeTime(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
