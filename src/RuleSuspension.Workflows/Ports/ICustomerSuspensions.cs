using RuleSuspension.Domain.Access;

namespace RuleSuspension.Workflows.Ports;

/// <summary>Suspends and lifts through the customer aggregate. Both are idempotent per instance.</summary>
public interface ICustomerSuspensions
{
    Task<SuspendResult> SuspendAsync(SuspendRequest request, CancellationToken cancellationToken);

    Task<LiftResult> LiftAsync(LiftRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// Suspend a customer for an instance; <c>DecidedBy</c> names the workflow as <c>workflow:&lt;id&gt;@&lt;version&gt;</c>.
/// <c>MadeBefore</c> is the suspension this instance made on an earlier visit, if any.
/// </summary>
public sealed record SuspendRequest(string CustomerId, Guid InstanceId, string ReasonCode, string ReasonText, string DecidedBy, string? RuleName, Guid? MadeBefore = null);

public sealed record SuspendResult(SuspendStatus Status, Guid? SuspensionId, string Note);

public enum SuspendStatus
{
    /// <summary>Suspended now.</summary>
    Suspended,

    /// <summary>This instance had already suspended the customer (a re-run): nothing done again.</summary>
    AlreadySuspendedByThisInstance,

    /// <summary>Someone or something else suspended the customer; left as it is.</summary>
    AlreadySuspended,

    /// <summary>The customer is exempt and never suspended automatically.</summary>
    Exempt,
}

/// <summary>
/// Lift on behalf of <c>By</c>, the person who completed the lift task. When <c>SuspensionId</c> is set (the instance
/// made that suspension) only that one is lifted.
/// </summary>
public sealed record LiftRequest(string CustomerId, Guid InstanceId, Guid? SuspensionId, Actor By, string Reason);

/// <summary><c>Lifted</c> is false when there was nothing (left) to lift, e.g. a person lifted it through the customer route first.</summary>
public sealed record LiftResult(bool Lifted, Guid? SuspensionId, string Note);
