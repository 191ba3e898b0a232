namespace RuleSuspension.Workflows.Runtime;

/// <summary>One line of an instance's journal: an activity that ran (or resumed), how it ended, and what it saw and did.</summary>
public sealed class WorkflowJournalEntry
{
    private WorkflowJournalEntry()
    {
        ActivityId = ActivityType = Summary = null!;
    }

    public WorkflowJournalEntry(Guid instanceId, int sequence, string activityId, string activityType, string? outcome, DateTimeOffset at, string summary)
    {
        InstanceId = instanceId;
        Sequence = sequence;
        ActivityId = activityId;
        ActivityType = activityType;
        Outcome = outcome;
        At = at.ToUniversalTime();
        Summary = summary;
    }

    public Guid InstanceId { get; private set; }

    /// <summary>1, 2, 3... per instance; with the instance, the entry's key.</summary>
    public int Sequence { get; private set; }

    public string ActivityId { get; private set; }

    public string ActivityType { get; private set; }

    /// <summary>The outcome taken; null while the activity waits.</summary>
    public string? Outcome { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>A JSON object: the activity's inputs and outputs.</summary>
    public string Summary { get; private set; }
}
