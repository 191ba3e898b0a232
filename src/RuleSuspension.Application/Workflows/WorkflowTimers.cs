using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RuleSuspension.Application.Pipeline;
using RuleSuspension.Persistence;
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
/// Fires one workflow timer, when its Quartz trigger comes due or in a catch-up (<see cref="WorkflowTimers"/>), at
/// <see cref="At"/> (default: the clock). It is claimed under the customer's lock by an update only one node can win
/// (<c>Fired = false</c> in its WHERE), in the same unit of work as the resumption it causes: a crash before the commit
/// leaves it unfired.
/// </summary>
public sealed record FireWorkflowTimer(Guid TimerId, DateTimeOffset? At = null) : ICommand<TimerFiringOutcome>, ICustomerCommand
{
    public CustomerOf Customer => CustomerOf.UnfiredTimer(TimerId);
}

public sealed class FireWorkflowTimerHandler(
    RuleSuspensionDb db, CustomerUnitOfWork work, WorkflowDispatcher dispatcher, TimeProvider clock, ILogger<FireWorkflowTimerHandler> logger)
    : ICommandHandler<FireWorkflowTimer, TimerFiringOutcome>
{
    public async ValueTask<TimerFiringOutcome> Handle(FireWorkflowTimer command, CancellationToken cancellationToken)
    {
        var timerId = command.TimerId;
        if (work.CustomerId is null)
        {
            // No unfired timer of that id: fired before (another node, an earlier firing), or not stored (yet).
            return await db.WorkflowTimers.AnyAsync(t => t.Id == timerId, cancellationToken) ? TimerFiringOutcome.AlreadyFired : TimerFiringOutcome.NotFound;
        }

        var now = command.At ?? clock.GetUtcNow();

        // The claim is an update whose answer decides the rest: it is written now, in the unit of work's transaction.
        await db.BeginWritesNowAsync(cancellationToken);
        var claimed = await db.WorkflowTimers.Where(t => t.Id == timerId && !t.Fired)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Fired, true).SetProperty(t => t.FiredAt, now), cancellationToken);
        if (claimed == 0)
        {
            return TimerFiringOutcome.AlreadyFired;
        }

        var instance = await db.WorkflowInstances.FirstOrDefaultAsync(i => db.WorkflowTimers.Any(t => t.Id == timerId && t.InstanceId == i.Id), cancellationToken);
        var resumed = instance is not null && await dispatcher.ResumeAsync(instance, new TimerSignal(timerId), cancellationToken);
        logger.LogInformation("Timer {TimerId} fired: workflow instance {InstanceId} {Resumed}", timerId, instance?.Id, resumed ? "resumed" : "was gone or no longer waiting for it");
        return TimerFiringOutcome.Fired;
    }
}

/// <summary>Fires every due workflow timer at once (a catch-up), each in a unit of work of its own.</summary>
public sealed class WorkflowTimers(RuleSuspensionDb db, ISender sender, TimeProvider clock, ILogger<WorkflowTimers> logger)
{
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
                fired += await sender.Send(new FireWorkflowTimer(timerId, at), cancellationToken) == TimerFiringOutcome.Fired ? 1 : 0;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Timer {TimerId} failed to fire; it stays due", timerId);
            }
        }

        return fired;
    }
}
