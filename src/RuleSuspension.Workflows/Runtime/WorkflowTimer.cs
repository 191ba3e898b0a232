namespace RuleSuspension.Workflows.Runtime;

/// <summary>A timer of a waiting instance (Delay, WaitForEvent timeout). A node claims it by flipping <see cref="Fired"/>, so it fires once.</summary>
public sealed class WorkflowTimer
{
    private WorkflowTimer()
    {
        CustomerId = ActivityId = null!;
    }

    public WorkflowTimer(Guid id, Guid instanceId, string customerId, string activityId, DateTimeOffset dueAt)
    {
        Id = id;
        InstanceId = instanceId;
        CustomerId = customerId;
        ActivityId = activityId;
        DueAt = dueAt.ToUniversalTime();
    }

    /// <summary>Derived from instance, activity and visit, so a re-run schedules the same timer.</summary>
    public Guid Id { get; private set; }

    public Guid InstanceId { get; private set; }

    public string CustomerId { get; private set; }

    public string ActivityId { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    public bool Fired { get; private set; }

    public DateTimeOffset? FiredAt { get; private set; }

    public void MarkFired(DateTimeOffset at)
    {
        Fired = true;
        FiredAt = at.ToUniversalTime();
    }
}

/// <summary>That an event started a workflow: the key (definition, event) is unique, so the same event never starts it twice.</summary>
public sealed class WorkflowTriggerRecord
{
    private WorkflowTriggerRecord()
    {
        DefinitionId = EventId = null!;
    }

    public WorkflowTriggerRecord(string definitionId, string eventId, Guid instanceId, DateTimeOffset at)
    {
        DefinitionId = definitionId;
        EventId = eventId;
        InstanceId = instanceId;
        At = at.ToUniversalTime();
    }

    public string DefinitionId { get; private set; }

    public string EventId { get; private set; }

    public Guid InstanceId { get; private set; }

    public DateTimeOffset At { get; private set; }
}
