using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Common;

namespace RuleSuspension.Domain.Customers;

public sealed record CustomerProfileChanged(string CustomerId, DateTimeOffset At, Actor Actor, CustomerProfile Before, CustomerProfile After)
    : DomainEvent(CustomerId, At, Actor)
{
    public override string Action => Before.Name.Length == 0 ? "customer.created" : "customer.updated";
}
