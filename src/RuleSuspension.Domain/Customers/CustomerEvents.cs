using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Common;

namespace RuleSuspension.Domain.Customers;

public sealed record CustomerCreated(string CustomerId, DateTimeOffset At, Actor Actor, CustomerProfile Profile)
    : DomainEvent(CustomerId, At, Actor)
{
    public override string Action => "customer.created";
}

/// <summary>The customer became exempt, stopped being, or its exemption got another last day: who and why.</summary>
public sealed record ExemptionChanged(string CustomerId, DateTimeOffset At, Actor Actor, bool WasExempt, DateOnly? WasExemptUntil, bool Exempt, DateOnly? ExemptUntil, string Reason)
    : DomainEvent(CustomerId, At, Actor)
{
    public override string Action => "customer.exemption-changed";
}

public sealed record CustomerProfileChanged(string CustomerId, DateTimeOffset At, Actor Actor, CustomerProfile Before, CustomerProfile After)
    : DomainEvent(CustomerId, At, Actor)
{
    public override string Action => "customer.updated";
}
