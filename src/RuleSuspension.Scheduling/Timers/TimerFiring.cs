using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RuleSuspension.Application.Workflows;
using RuleSuspension.Persistence;
using RuleSuspension.Persistence.Locking;
using RuleSuspension.Workflows.Runtime;

namespace RuleSuspension.Scheduling.Timers;

/// <summary>What firing a timer came to.</summary>
internal enum TimerFiringOutcome
{
    /// <summary>Claimed here, and its instance offered the signal.</summary>
    Fired,

    /// <summary>Claimed before (another node, an earlier firing): nothing done.</summary>
    AlreadyFired,

    /// <summary>No row: the step that set it has not committed yet, or rolled back, or the timer was cancelled.</summary>
    NotFound,
}

/// <summary>
/// Fires one timer: under the customer's lock, claims its row with an update only one node can win, and resumes the
/// instance in the same transaction. A crash before the commit leaves it unclaimed for the recovered firing.
/// </summary>
internal sealed class TimerFiring(RuleSuspensionDb db, CustomerLock locks, WorkflowDispatcher dispatcher, TimeProvider clock, ILogger<TimerFiring> logger)
{
    public async Task<TimerFiringOutcome> FireAsync(Guid timerId, CancellationToken cancellationToken)
    {
        var timer = await db.WorkflowTimers.AsNoTracking().Where(t => t.Id == timerId).Select(t => new { t.Id, t.InstanceId, t.CustomerId, t.Fired }).FirstOrDefaultAsync(cancellationToken);
        if (timer is null)
        {
            return TimerFiringOutcome.NotFound;
        }

        if (timer.Fired)
        {
            return TimerFiringOutcome.AlreadyFired;
        }

        await using var locked = await locks.AcquireAsync(db, timer.CustomerId, cancellationToken);
        var now = clock.GetUtcNow();
        var claimed = await db.WorkflowTimers.Where(t => t.Id == timerId && !t.Fired)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Fired, true).SetProperty(t => t.FiredAt, now), cancellationToken);
        if (claimed == 0)
        {
            return TimerFiringOutcome.AlreadyFired;
        }

        var instance = await db.WorkflowInstances.FirstOrDefaultAsync(i => i.Id == timer.InstanceId, cancellationToken);
        var resumed = instance is not null && await dispatcher.ResumeAsync(instance, new TimerSignal(timerId), cancellationToken);
        await locked.CommitAsync(cancellationToken);
        logger.LogInformation("Timer {TimerId} fired: workflow instance {InstanceId} {Resumed}", timerId, timer.InstanceId, resumed ? "resumed" : "was no longer waiting for it");
        return TimerFiringOutcome.Fired;
    }
}
