using Microsoft.Extensions.Logging;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Application.Customers;
using RuleSuspension.Application.Tenants;
using RuleSuspension.Domain.Suspensions;
using RuleSuspension.Persistence;
using RuleSuspension.Workflows.Ports;

namespace RuleSuspension.Infrastructure.Workflows;

/// <summary>Suspends and lifts for workflows through the customer aggregate, idempotently per instance.</summary>
internal sealed class DbCustomerSuspensions(RuleSuspensionDb db, SuspensionPolicy policy, TimeProvider clock, ILogger<DbCustomerSuspensions> logger) : ICustomerSuspensions
{
    public async Task<SuspendResult> SuspendAsync(SuspendRequest request, CancellationToken cancellationToken)
    {
        var customer = await db.GetWithActiveSuspensionAsync(request.CustomerId, cancellationToken);
        if (customer.ActiveSuspension is { } active)
        {
            return active.WorkflowInstanceId == request.InstanceId
                ? new SuspendResult(SuspendStatus.AlreadySuspendedByThisInstance, active.Id, "This instance had already suspended the customer; not suspended again.")
                : new SuspendResult(SuspendStatus.AlreadySuspended, active.Id, $"Already suspended ({active.ReasonCode}) by {active.DecidedBy}; left as it is.");
        }

        if (request.MadeBefore is not null)
        {
            // A person lifted what this instance decided; the instance does not overrule them.
            return new SuspendResult(SuspendStatus.AlreadySuspended, null, "This instance's suspension was lifted by a person; not suspended again.");
        }

        var now = clock.GetUtcNow();
        var tenantToday = customer.ExemptUntil is null ? DateOnly.FromDateTime(now.UtcDateTime) : await TenantCalendar.TodayForAsync(db, customer.TenantId, now, cancellationToken);
        if (customer.IsExemptOn(tenantToday))
        {
            return new SuspendResult(SuspendStatus.Exempt, null, "The customer is exempt and never suspended automatically.");
        }

        var decision = SuspensionDecision.Automatic(request.ReasonCode, request.ReasonText, request.DecidedBy, request.InstanceId, request.RuleName);
        var suspension = customer.Suspend(decision, policy, now, tenantToday);
        logger.LogInformation("{DecidedBy} suspends customer {CustomerId} ({ReasonCode}, rule {Rule})", request.DecidedBy, request.CustomerId, request.ReasonCode, request.RuleName);
        return new SuspendResult(SuspendStatus.Suspended, suspension.Id, "Suspended.");
    }

    public async Task<LiftResult> LiftAsync(LiftRequest request, CancellationToken cancellationToken)
    {
        var customer = await db.GetWithActiveSuspensionAsync(request.CustomerId, cancellationToken);
        if (customer.ActiveSuspension is not { } active)
        {
            return new LiftResult(false, request.SuspensionId, "The customer is not suspended (already lifted); nothing to do.");
        }

        if (request.SuspensionId is { } own && active.Id != own)
        {
            return new LiftResult(false, active.Id, "The active suspension is not the one this instance made; left as it is.");
        }

        var lifted = customer.Lift(request.By, request.Reason, policy, clock.GetUtcNow());
        return new LiftResult(true, lifted.Id, "Lifted.");
    }
}
