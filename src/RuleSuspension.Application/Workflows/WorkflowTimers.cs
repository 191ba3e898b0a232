using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RuleSuspension.Persistence;
using RuleSuspension.Persistence.Locking;
using RuleSuspension.Workflows.Runtime;

namespace RuleSuspension.Application.Workflows;

/// <summary>
/// Fires every due timer at once (a catch-up: Quartz triggers fire them one by one in normal operation). Each is claimed
/// by an update that only one node can win (<c>Fired = false</c> in its WHERE), in the same transaction as the
/// resumption it causes: a crash before the commit leaves it unfired.
/// </summary>
public sealed class WorkflowTimers(RuleSuspensionDb db, CustomerLock locks, WorkflowDispatcher dispatcher, TimeProvider clock, ILogger<WorkflowTimers> logger)
{
    /// <summary>Fires the timers due at <paramref name="now"/> (default: the clock), at most <paramref name="limit"/>; returns how many fired.</summary>
    public async Task<int> FireDueAsync(DateTimeOffset? now = null, int limit = 100, CancellationToken cancellationToken = default)
    {
        var at = now ?? clock.GetUtcNow();
        var due = await db.WorkflowTimers.AsNoTracking().Where(t => !t.Fired && t.DueAt <= at)
            .OrderBy(t => t.DueAt).Take(limit).Select(t => new { t.Id, t.InstanceId, t.CustomerId }).ToListAsync(cancellationToken);
        var fired = 0;
        foreach (var timer in due)
        {
            db.ChangeTracker.Clear();
            try
            {
                await using var locked = await locks.AcquireAsync(db, timer.CustomerId, cancellationToken);
                var claimed = await db.WorkflowTimers.Where(t => t.Id == timer.Id && !t.Fired)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.Fired, true).SetProperty(t => t.FiredAt, at), cancellationToken);
                if (claimed == 0)
                {
                    continue;
                }

                var instance = await db.WorkflowInstances.FirstOrDefaultAsync(i => i.Id == timer.InstanceId, cancellationToken);
                if (instance is not null && await dispatcher.ResumeAsync(instance, new TimerSignal(timer.Id), cancellationToken))
                {
                    logger.LogInformation("Timer {TimerId} resumed workflow instance {InstanceId}", timer.Id, instance.Id);
                }

                await locked.CommitAsync(cancellationToken);
                fired++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Timer {TimerId} of workflow instance {InstanceId} failed to fire; it stays due", timer.Id, timer.InstanceId);
            }
        }

        return fired;
    }
}
