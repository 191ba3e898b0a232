using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Common;

namespace RuleSuspension.Domain.Suspensions;

public sealed record CustomerSuspended(string CustomerId, DateTimeOffset At, Actor Actor, Suspension Suspension)
    : DomainEvent(CustomerId, At, Actor)
{
    public override string Action => "customer.suspended";
}

public sealed record SuspensionLifted(string CustomerId, DateTimeOffset At, Actor Actor, Suspension Suspension)
    : DomainEvent(CustomerId, At, Actor)
{
    public override string Action => "customer.reactivated";
}
