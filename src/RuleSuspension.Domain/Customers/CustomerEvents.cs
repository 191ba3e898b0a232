using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Common;

namespace RuleSuspension.Domain.Customers;

public sealed record CustomerCreated(string CustomerId, DateTimeOffset At, Actor Actor, CustomerProfile Profile)
    : DomainEvent(CustomerId, At, Actor)
{
    public override string Action => "customer.created";
}

public sealed record CustomerProfileChanged(string CustomerId, DateTimeOffset At, Actor Actor, CustomerProfile Before, CustomerProfile After)
    : DomainEvent(CustomerId, At, Actor)
{
    public override string Action => "customer.updated";
}
