using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RuleSuspension.Persistence;
using RuleSuspension.Persistence.Locking;
using RuleSuspension.Workflows.Runtime;

namespace RuleSuspension.Application.Workflows;

/// <summary>What firing a timer came to.</summary>
public enum TimerFiringOutcome
{
    /// <summary>Claimed here, and its instance offered the signal.</summary>
    Fired,

    /// <summary>Claimed before (another node, an earlier firing): nothing done.</summary>
    AlreadyFired,

    /// <summary>No row: the step that set it has not committed yet, or rolled back, or the timer was cancelled.</summary>
    NotFound,
}

/// <summary>
/// Fires workflow timers: one when its Quartz trigger comes due, or every due one at once (a catch-up). Each is claimed
/// under the customer's lock by an update only one node can win (<c>Fired = false</c> in its WHERE), in the same
/// transaction as the resumption it causes: a crash before the commit leaves it unfired.
/// </summary>
public sealed class WorkflowTimers(RuleSuspensionDb db, CustomerLock locks, WorkflowDispatcher dispatcher, TimeProvider clock, ILogger<WorkflowTimers> logger)
{
    /// <summary>Fires one timer at <paramref name="at"/> (default: the clock).</summary>
    public async Task<TimerFiringOutcome> FireAsync(Guid timerId, DateTimeOffset? at = null, CancellationToken cancellationToken = default)
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
        var now = at ?? clock.GetUtcNow();
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

    /// <summary>Fires the timers due at <paramref name="now"/> (default: the clock), at most <paramref name="limit"/>; returns how many fired.</summary>
    public async Task<int> FireDueAsync(DateTimeOffset? now = null, int limit = 100, CancellationToken cancellationToken = default)
    {
        var at = now ?? clock.GetUtcNow();
        var due = await db.WorkflowTimers.AsNoTracking().Where(t => !t.Fired && t.DueAt <= at)
            .OrderBy(t => t.DueAt).Take(limit).Select(t => t.Id).ToListAsync(cancellationToken);
        var fired = 0;
        foreach (var timerId in due)
        {
            db.ChangeTracker.Clear();
            try
            {
                fired += await FireAsync(timerId, at, cancellationToken) == TimerFiringOutcome.Fired ? 1 : 0;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Timer {TimerId} failed to fire; it stays due", timerId);
            }
        }

        return fired;
    }
}
