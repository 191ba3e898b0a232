using Mediator;
using RuleSuspension.Application.Outbox;
using Microsoft.Extensions.Logging;
using RuleSuspension.Application.Customers;
using RuleSuspension.Application.Pipeline;
using RuleSuspension.Domain.Suspensions;
using RuleSuspension.Persistence;

namespace RuleSuspension.Application.Suspensions;

/// <summary>A person suspends a customer (the workflow activity SuspendCustomer is the automatic kind).</summary>
public sealed record SuspendCustomerManually(string CustomerId, SuspensionDecision Decision) : ICommand<Suspension>, ICustomerCommand
{
    public CustomerOf Customer => CustomerOf.Named(CustomerId);
}

public sealed class SuspendCustomerManuallyValidator(InputLimits limits) : CommandValidator<SuspendCustomerManually>
{
    protected override void Check(SuspendCustomerManually command, ValidationErrors errors)
        => errors.Check("reason", limits.ReasonProblem(command.Decision.ReasonText));
}

public sealed class SuspendCustomerManuallyHandler(RuleSuspensionDb db, SuspensionPolicy policy, TimeProvider clock, ILogger<SuspendCustomerManuallyHandler> logger)
    : ICommandHandler<SuspendCustomerManually, Suspension>
{
    public async ValueTask<Suspension> Handle(SuspendCustomerManually command, CancellationToken cancellationToken)
    {
        var customer = await db.GetWithActiveSuspensionAsync(command.CustomerId, cancellationToken);
        var suspension = customer.Suspend(command.Decision, policy, clock.GetUtcNow());
        db.Outbox.Add(SuspensionNotifications.Suspended(suspension, suspension.SuspendedAt));
        logger.LogInformation(
            "Suspended customer {CustomerId} ({Kind}, {ReasonCode}) decided by {DecidedBy}",
            customer.Id, suspension.Kind, suspension.ReasonCode, suspension.DecidedBy);
        return suspension;
    }
}
