using RuleSuspension.Domain.Suspensions;

namespace RuleSuspension.Server.Contracts;

public sealed record SuspendRequest(string? ReasonCode, string? ReasonText);

public sealed record LiftRequest(string? Reason);

public sealed record SuspensionResponse(
    Guid Id,
    string CustomerId,
    string Kind,
    string ReasonCode,
    string ReasonText,
    string DecidedBy,
    Guid? WorkflowInstanceId,
    string? RuleName,
    DateTimeOffset SuspendedAt,
    bool Active,
    string? LiftedBy,
    DateTimeOffset? LiftedAt,
    string? LiftReason)
{
    public static SuspensionResponse From(Suspension s) => new(
        s.Id, s.CustomerId, Wire.Of(s.Kind), s.ReasonCode, s.ReasonText, s.DecidedBy, s.WorkflowInstanceId, s.RuleName,
        s.SuspendedAt, s.IsActive, s.LiftedBy, s.LiftedAt, s.LiftReason);
}
