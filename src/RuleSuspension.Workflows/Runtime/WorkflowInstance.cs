using System.Text.Json;

namespace RuleSuspension.Workflows.Runtime;

/// <summary>
/// One run of one definition version for one customer. It stays on the version it started with; after every activity
/// it is saved together with the journal entry of that activity and the activity's side effects.
/// </summary>
public sealed class WorkflowInstance
{
    private WorkflowInstance()
    {
        DefinitionId = CustomerId = null!;
    }

    public WorkflowInstance(Guid id, string definitionId, int definitionVersion, string customerId, WorkflowEvent? trigger, DateOnly? asOf,
        IReadOnlyDictionary<string, JsonElement> variables, string startActivityId, DateTimeOffset at)
    {
        Id = id;
        DefinitionId = definitionId;
        DefinitionVersion = definitionVersion;
        CustomerId = customerId;
        EventId = trigger?.Id;
        EventOccurredAt = trigger?.OccurredAt.ToUniversalTime();
        AsOf = asOf;
        Variables = variables;
        CurrentActivityId = startActivityId;
        Status = WorkflowStatus.Running;
        CreatedAt = UpdatedAt = at.ToUniversalTime();
    }

    public Guid Id { get; private set; }

    public string DefinitionId { get; private set; }

    public int DefinitionVersion { get; private set; }

    public string CustomerId { get; private set; }

    public WorkflowStatus Status { get; private set; }

    /// <summary>The activity to run next (Running) or the one waiting (Waiting); null once finished.</summary>
    public string? CurrentActivityId { get; private set; }

    /// <summary>The event that started the instance, or the last one it received; facts see it as <c>event</c>.</summary>
    public string? EventId { get; private set; }

    public DateTimeOffset? EventOccurredAt { get; private set; }

    /// <summary>The check's date for scheduled starts (facts' <c>today</c>); null means the clock's date.</summary>
    public DateOnly? AsOf { get; private set; }

    public IReadOnlyDictionary<string, JsonElement> Variables { get; private set; } = new Dictionary<string, JsonElement>();

    public IReadOnlyList<Bookmark> Bookmarks { get; private set; } = [];

    public StoredDecision? Decision { get; private set; }

    public TaskCompletion? LastCompletion { get; private set; }

    /// <summary>The suspension this instance made, if any.</summary>
    public Guid? SuspensionId { get; private set; }

    /// <summary>How many times each activity was entered: with the instance id it makes side effects idempotent, loops included.</summary>
    public IReadOnlyDictionary<string, int> Visits { get; private set; } = new Dictionary<string, int>();

    /// <summary>The number of journal entries written.</summary>
    public int JournalLength { get; private set; }

    public string? Fault { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>Optimistic concurrency: incremented by every save.</summary>
    public int Version { get; private set; }

    internal int Enter(string activityId)
    {
        var visits = Visits.GetValueOrDefault(activityId) + 1;
        Visits = new Dictionary<string, int>(Visits) { [activityId] = visits };
        return visits;
    }

    internal int NextJournalSequence() => ++JournalLength;

    internal void MoveTo(string? activityId, DateTimeOffset at)
    {
        CurrentActivityId = activityId;
        Bookmarks = [];
        Status = WorkflowStatus.Running;
        Touch(at);
    }

    internal void Block(IReadOnlyList<Bookmark> bookmarks, DateTimeOffset at)
    {
        Bookmarks = bookmarks;
        Status = WorkflowStatus.Waiting;
        Touch(at);
    }

    internal void Complete(DateTimeOffset at)
    {
        CurrentActivityId = null;
        Bookmarks = [];
        Status = WorkflowStatus.Completed;
        CompletedAt = at.ToUniversalTime();
        Touch(at);
    }

    internal void MarkFaulted(string reason, DateTimeOffset at)
    {
        Bookmarks = [];
        Status = WorkflowStatus.Faulted;
        Fault = reason;
        CompletedAt = at.ToUniversalTime();
        Touch(at);
    }

    /// <summary>A faulted instance runs again from the step that failed (<see cref="CurrentActivityId"/>).</summary>
    internal void Retry(DateTimeOffset at)
    {
        Status = WorkflowStatus.Running;
        Fault = null;
        CompletedAt = null;
        Touch(at);
    }

    /// <summary>A faulted instance ends without running again; its fault stays as the record of why.</summary>
    internal void Cancel(DateTimeOffset at)
    {
        Bookmarks = [];
        Status = WorkflowStatus.Cancelled;
        CompletedAt = at.ToUniversalTime();
        Touch(at);
    }

    internal void Remember(StoredDecision decision) => Decision = decision;

    internal void Remember(TaskCompletion completion) => LastCompletion = completion;

    internal void RememberSuspension(Guid suspensionId) => SuspensionId = suspensionId;

    internal void Receive(WorkflowEvent received)
    {
        EventId = received.Id;
        EventOccurredAt = received.OccurredAt.ToUniversalTime();
    }

    internal void SetVariable(string name, JsonElement value)
        => Variables = new Dictionary<string, JsonElement>(Variables) { [name] = value.Clone() };

    /// <summary>Called by the store before each save.</summary>
    public void IncrementVersion() => Version++;

    private void Touch(DateTimeOffset at) => UpdatedAt = at.ToUniversalTime();
}
