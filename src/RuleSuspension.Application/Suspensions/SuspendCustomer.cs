using RuleSuspension.Application.Outbox;
using Microsoft.Extensions.Logging;
using RuleSuspension.Application.Customers;
using RuleSuspension.Domain.Suspensions;
using RuleSuspension.Persistence;

namespace RuleSuspension.Application.Suspensions;

public sealed record SuspendCustomer(string CustomerId, SuspensionDecision Decision);

public sealed class SuspendCustomerHandler(RuleSuspensionDb db, SuspensionPolicy policy, TimeProvider clock, ILogger<SuspendCustomerHandler> logger, InputLimits limits)
{
    public async Task<Suspension> Handle(SuspendCustomer command, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Check("reason", limits.ReasonProblem(command.Decision.ReasonText));
        errors.ThrowIfAny();

        var customer = await db.GetWithActiveSuspensionAsync(command.CustomerId, cancellationToken);
        var suspension = customer.Suspend(command.Decision, policy, clock.GetUtcNow());
        db.Outbox.Add(SuspensionNotifications.Suspended(suspension, suspension.SuspendedAt));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation(
            "Suspended customer {CustomerId} ({Kind}, {ReasonCode}) decided by {DecidedBy}",
            customer.Id, suspension.Kind, suspension.ReasonCode, suspension.DecidedBy);
        return suspension;
    }
}
