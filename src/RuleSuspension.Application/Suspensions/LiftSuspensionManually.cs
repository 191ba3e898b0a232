using Mediator;
using RuleSuspension.Application.Outbox;
using Microsoft.Extensions.Logging;
using RuleSuspension.Application.Customers;
using RuleSuspension.Application.Pipeline;
using RuleSuspension.Application.Tasks;
using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Suspensions;
using RuleSuspension.Persistence;

namespace RuleSuspension.Application.Suspensions;

/// <summary>A person lifts the customer's suspension with a reason (the workflow activity LiftSuspension lifts on a task's outcome).</summary>
public sealed record LiftSuspensionManually(string CustomerId, string Reason, Actor By) : ICommand<Suspension>, ICustomerCommand
{
    public CustomerOf Customer => CustomerOf.Named(CustomerId);
}

public sealed class LiftSuspensionManuallyValidator(InputLimits limits) : CommandValidator<LiftSuspensionManually>
{
    protected override void Check(LiftSuspensionManually command, ValidationErrors errors)
        => errors.Check("reason", limits.ReasonProblem(command.Reason));
}

public sealed class LiftSuspensionManuallyHandler(
    RuleSuspensionDb db, SuspensionPolicy policy, TimeProvider clock, ILogger<LiftSuspensionManuallyHandler> logger, TaskCompletions taskCompletions)
    : ICommandHandler<LiftSuspensionManually, Suspension>
{
    public async ValueTask<Suspension> Handle(LiftSuspensionManually command, CancellationToken cancellationToken)
    {
        var customer = await db.GetWithActiveSuspensionAsync(command.CustomerId, cancellationToken);
        var lifted = customer.Lift(command.By, command.Reason, policy, clock.GetUtcNow());
        if (lifted.WorkflowInstanceId is null)
        {
            // A workflow's suspension is announced lifted by the workflow itself, which this lift resumes below.
            db.Outbox.Add(SuspensionNotifications.Reactivated(lifted, lifted.LiftedAt!.Value));
        }

        // This route and the lift task end the same suspension: the open lift task is completed too (outcome Lift).
        await taskCompletions.CompleteOpenLiftTasksAsync(customer.Id, command.By, command.Reason, cancellationToken);
        logger.LogInformation("Lifted suspension {SuspensionId} of customer {CustomerId} by {LiftedBy}", lifted.Id, customer.Id, lifted.LiftedBy);
        return lifted;
    }
}
