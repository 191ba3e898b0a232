using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Common;
using RuleSuspension.Domain.Suspensions;

namespace RuleSuspension.Domain.Tasks;

/// <summary>
/// A task in the inbox: a person with the task's role answers it with one of its outcomes and a reason. The lift task
/// of a workflow is one (kind <see cref="LiftKind"/>); its <c>Lift</c> answer ends the suspension, so it needs a role
/// that may lift.
/// </summary>
public sealed class HumanTask : IHasDomainEvents
{
    /// <summary>The kind of the task that decides whether a suspension is lifted.</summary>
    public const string LiftKind = "lift-suspension";

    /// <summary>The outcome that lifts.</summary>
    public const string LiftOutcome = "Lift";

    private readonly List<DomainEvent> _events = [];

    private HumanTask()
    {
        CustomerId = Kind = Title = null!;
    }

    public HumanTask(Guid id, string customerId, string kind, string title, Role role, IReadOnlyList<string> outcomes,
        Guid? workflowInstanceId, string? activityId, int visit, Guid? suspensionId, string? reasonCode, DateTimeOffset at)
    {
        Id = id;
        CustomerId = Guard.NotBlank(customerId, "customerId");
        Kind = Guard.NotBlank(kind, "kind");
        Title = Guard.NotBlank(title, "title");
        Role = role;
        Outcomes = outcomes.Count > 0 ? outcomes.ToList() : throw DomainException.Invalid("outcomes", "A task has at least one outcome.");
        WorkflowInstanceId = workflowInstanceId;
        ActivityId = activityId;
        Visit = visit;
        SuspensionId = suspensionId;
        ReasonCode = reasonCode;
        Status = HumanTaskStatus.Open;
        CreatedAt = Guard.Utc(at);
    }

    public Guid Id { get; private set; }

    public string CustomerId { get; private set; }

    /// <summary>e.g. <see cref="LiftKind"/>.</summary>
    public string Kind { get; private set; }

    public string Title { get; private set; }

    /// <summary>The role that may complete it (SuperAdmin always may).</summary>
    public Role Role { get; private set; }

    public List<string> Outcomes { get; private set; } = [];

    public HumanTaskStatus Status { get; private set; }

    public Guid? WorkflowInstanceId { get; private set; }

    /// <summary>The HumanTask activity that opened it.</summary>
    public string? ActivityId { get; private set; }

    /// <summary>The visit of that activity (1 unless the workflow loops): with instance and activity, the task's idempotency key.</summary>
    public int Visit { get; private set; }

    /// <summary>The suspension it decides about.</summary>
    public Guid? SuspensionId { get; private set; }

    public string? ReasonCode { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public string? CompletedBy { get; private set; }

    /// <summary>The role of the person who completed it.</summary>
    public Role? CompletedByRole { get; private set; }

    public string? Outcome { get; private set; }

    public string? Reason { get; private set; }

    public IReadOnlyList<DomainEvent> DomainEvents => _events;

    public bool IsLiftTask => Kind == LiftKind;

    public void ClearDomainEvents() => _events.Clear();

    /// <summary>Completes the task: only by a person of its role (or SuperAdmin), with one of its outcomes and a reason.</summary>
    public void Complete(Actor by, string outcome, string reason, SuspensionPolicy policy, DateTimeOffset at)
    {
        var text = Guard.NotBlank(reason, "reason");
        if (Status != HumanTaskStatus.Open)
        {
            throw DomainException.Conflict("task-not-open", $"Task '{Id}' is {Status.ToString().ToLowerInvariant()}, not open.");
        }

        if (!by.IsPerson || by.Role is not { } role)
        {
            throw DomainException.Forbidden("task-needs-a-person", "A task is completed by a person.");
        }

        if (role != Role && role != Access.Role.SuperAdmin)
        {
            throw DomainException.Forbidden("task-needs-role", $"This task is for the {Role} role.");
        }

        // Sent in any case ("lift", "LIFT"), kept as the workflow spells it.
        outcome = EnumeratedValue.Match(Outcomes, outcome)
            ?? throw DomainException.Invalid("outcome", $"'{outcome}' is not an outcome of this task; expected one of {string.Join(", ", Outcomes)}.");

        if (IsLiftTask && outcome == LiftOutcome && !policy.MayLift(role))
        {
            throw DomainException.Forbidden("lift-needs-role", $"Lifting a suspension needs the {policy.LiftingRole} role.");
        }

        at = Guard.Utc(at);
        Status = HumanTaskStatus.Completed;
        CompletedAt = at;
        CompletedBy = by.Name;
        CompletedByRole = role;
        Outcome = outcome;
        Reason = text;
        _events.Add(new HumanTaskCompleted(CustomerId, at, by, Id, Kind, outcome, text));
    }

    /// <summary>
    /// Completes an open lift task with <c>Lift</c> because <paramref name="by"/> lifted the suspension through the
    /// customer route: the lift already passed the lifting-role check, and both routes end the same suspension.
    /// </summary>
    public void CompleteByLift(Actor by, string reason, DateTimeOffset at)
    {
        if (Status != HumanTaskStatus.Open || !IsLiftTask || !Outcomes.Contains(LiftOutcome) || by.Role is not { } role)
        {
            return;
        }

        at = Guard.Utc(at);
        Status = HumanTaskStatus.Completed;
        CompletedAt = at;
        CompletedBy = by.Name;
        CompletedByRole = role;
        Outcome = LiftOutcome;
        Reason = Guard.NotBlank(reason, "reason");
        _events.Add(new HumanTaskCompleted(CustomerId, at, by, Id, Kind, LiftOutcome, Reason));
    }

    /// <summary>Closes an open task nobody needs to answer any more.</summary>
    public void Cancel(DateTimeOffset at)
    {
        if (Status == HumanTaskStatus.Open)
        {
            Status = HumanTaskStatus.Cancelled;
            CompletedAt = Guard.Utc(at);
        }
    }
}

public enum HumanTaskStatus
{
    Open,
    Completed,
    Cancelled,
}

public sealed record HumanTaskCompleted(string CustomerId, DateTimeOffset At, Actor Actor, Guid TaskId, string Kind, string Outcome, string Reason)
    : DomainEvent(CustomerId, At, Actor)
{
    public override string Action => "task.completed";
}
