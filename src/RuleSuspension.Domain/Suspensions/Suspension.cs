using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Customers;

namespace RuleSuspension.Domain.Suspensions;

/// <summary>One suspension of a customer, from its decision to its lift. Changed only through <see cref="Customer"/>.</summary>
public sealed class Suspension
{
    private Suspension()
    {
        CustomerId = ReasonCode = ReasonText = DecidedBy = null!;
        AccessBefore = null!;
    }

    internal Suspension(string customerId, SuspensionDecision decision, CustomerAccess accessBefore, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        CustomerId = customerId;
        Kind = decision.Kind;
        ReasonCode = decision.ReasonCode;
        ReasonText = decision.ReasonText;
        DecidedBy = decision.DecidedBy.ToString();
        WorkflowInstanceId = decision.WorkflowInstanceId;
        RuleName = decision.RuleName;
        SuspendedAt = at;
        AccessBefore = accessBefore;
    }

    public Guid Id { get; private set; }

    public string CustomerId { get; private set; }

    public SuspensionKind Kind { get; private set; }

    public string ReasonCode { get; private set; }

    public string ReasonText { get; private set; }

    /// <summary>The person, or the workflow, that decided it.</summary>
    public string DecidedBy { get; private set; }

    public Guid? WorkflowInstanceId { get; private set; }

    public string? RuleName { get; private set; }

    public DateTimeOffset SuspendedAt { get; private set; }

    /// <summary>What the suspension changed, so that lifting restores it.</summary>
    public CustomerAccess AccessBefore { get; private set; }

    public string? LiftedBy { get; private set; }

    public DateTimeOffset? LiftedAt { get; private set; }

    public string? LiftReason { get; private set; }

    public bool IsActive => LiftedAt is null;

    internal void MarkLifted(Actor by, string reason, DateTimeOffset at)
    {
        LiftedBy = by.ToString();
        LiftedAt = at;
        LiftReason = reason;
    }
}
