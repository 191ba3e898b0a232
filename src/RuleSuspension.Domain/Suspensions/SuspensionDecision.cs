using RuleSuspension.Domain.Access;

namespace RuleSuspension.Domain.Suspensions;

/// <summary>What is needed to suspend a customer: the kind, the reason, and who or what decided it.</summary>
public sealed record SuspensionDecision(
    SuspensionKind Kind,
    string ReasonCode,
    string ReasonText,
    Actor DecidedBy,
    Guid? WorkflowInstanceId = null,
    string? RuleName = null)
{
    public static SuspensionDecision Manual(string reasonCode, string reasonText, Actor by)
        => new(SuspensionKind.Manual, reasonCode, reasonText, by);

    public static SuspensionDecision Automatic(string reasonCode, string reasonText, string decidedBy, Guid? workflowInstanceId = null, string? ruleName = null)
        => new(SuspensionKind.Automatic, reasonCode, reasonText, Actor.System(decidedBy), workflowInstanceId, ruleName);
}
