using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Jobs;
using RuleSuspension.Persistence;

namespace RuleSuspension.Application.Jobs;

/// <summary>
/// Asks for an overdue check now, optionally on another clock: a date (that calendar date in every tenant) or an
/// instant (each tenant's date at that instant).
/// </summary>
public sealed record QueueOverdueCheck(DateOnly? AsOfDate, DateTimeOffset? AsOfInstant, Actor By);

/// <summary>Records the run (queued) and fires the job; the run's id is what the caller polls.</summary>
public sealed class QueueOverdueCheckHandler(RuleSuspensionDb db, IOverdueCheckScheduler scheduler, TimeProvider clock)
{
    public async Task<OverdueCheckRun> Handle(QueueOverdueCheck command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var run = new OverdueCheckRun(Guid.NewGuid(), "manual", command.By.ToString(), command.AsOfInstant ?? now, command.AsOfDate, null, now);
        db.OverdueCheckRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        await scheduler.TriggerAsync(run.Id, cancellationToken);
        return run;
    }
}
