using RuleSuspension.Domain.Common;
using RuleSuspension.Domain.Suspensions;

namespace RuleSuspension.Server.Contracts;

/// <summary>A manual suspension: the code and the person's written <c>reason</c> (<c>reasonText</c>, its older name, is still read).</summary>
public sealed record SuspendRequest(string? ReasonCode, string? Reason, string? ReasonText)
{
    /// <summary>The written reason, from whichever name was sent; both, saying different things, is refused.</summary>
    public string WrittenReason() => (Reason, ReasonText) switch
    {
        ({ } reason, { } text) when reason != text => throw DomainException.Invalid("reason", "Give the reason once, as 'reason' ('reasonText' is its older name)."),
        _ => Reason ?? ReasonText ?? string.Empty,
    };
}

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
