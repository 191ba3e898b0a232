using Microsoft.Extensions.Logging;
using RuleSuspension.Application.Customers;
using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Suspensions;
using RuleSuspension.Persistence;

namespace RuleSuspension.Application.Suspensions;

public sealed record LiftSuspension(string CustomerId, string Reason, Actor By);

public sealed class LiftSuspensionHandler(RuleSuspensionDb db, SuspensionPolicy policy, TimeProvider clock, ILogger<LiftSuspensionHandler> logger)
{
    public async Task<Suspension> Handle(LiftSuspension command, CancellationToken cancellationToken)
    {
        var customer = await db.GetWithActiveSuspensionAsync(command.CustomerId, cancellationToken);
        var lifted = customer.Lift(command.By, command.Reason, policy, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Lifted suspension {SuspensionId} of customer {CustomerId} by {LiftedBy}", lifted.Id, customer.Id, lifted.LiftedBy);
        return lifted;
    }
}
