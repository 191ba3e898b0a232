using RuleSuspension.Application.Outbox;
using Microsoft.Extensions.Logging;
using RuleSuspension.Application.Customers;
using RuleSuspension.Application.Tasks;
using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Suspensions;
using RuleSuspension.Persistence;
using RuleSuspension.Persistence.Locking;

namespace RuleSuspension.Application.Suspensions;

public sealed record LiftSuspension(string CustomerId, string Reason, Actor By);

public sealed class LiftSuspensionHandler(
    RuleSuspensionDb db, SuspensionPolicy policy, TimeProvider clock, ILogger<LiftSuspensionHandler> logger, CustomerLock customerLock, CompleteTaskHandler tasks, InputLimits limits)
{
    public async Task<Suspension> Handle(LiftSuspension command, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Check("reason", limits.ReasonProblem(command.Reason));
        errors.ThrowIfAny();

        await using var locked = await customerLock.AcquireAsync(db, command.CustomerId, cancellationToken);
        var customer = await db.GetWithActiveSuspensionAsync(command.CustomerId, cancellationToken);
        var lifted = customer.Lift(command.By, command.Reason, policy, clock.GetUtcNow());
        if (lifted.WorkflowInstanceId is null)
        {
            // A workflow's suspension is announced lifted by the workflow itself, which this lift resumes below.
            db.Outbox.Add(SuspensionNotifications.Reactivated(lifted, lifted.LiftedAt!.Value));
        }


        // This route and the lift task end the same suspension: the open lift task is completed too (outcome Lift).
        await tasks.CompleteOpenLiftTasksAsync(customer.Id, command.By, command.Reason, cancellationToken);
        await locked.CommitAsync(cancellationToken);
        logger.LogInformation("Lifted suspension {SuspensionId} of customer {CustomerId} by {LiftedBy}", lifted.Id, customer.Id, lifted.LiftedBy);
        return lifted;
    }
}
