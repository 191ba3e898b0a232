namespace RuleSuspension.Domain.Common;

/// <summary>
/// Something that happened to an aggregate. The persistence layer turns each into an audit entry in the same
/// transaction as the change, so that no change escapes the audit trail.
/// </summary>
public abstract record DomainEvent(string CustomerId, DateTimeOffset At, Access.Actor Actor)
{
    /// <summary>The audit action name, e.g. <c>customer.suspended</c>.</summary>
    public abstract string Action { get; }
}

public interface IHasDomainEvents
{
    IReadOnlyList<DomainEvent> DomainEvents { get; }

    void ClearDomainEvents();
}
