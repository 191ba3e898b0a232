using Mediator;
using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Jobs;
using RuleSuspension.Persistence;

namespace RuleSuspension.Application.Jobs;

/// <summary>
/// Asks for an overdue check now, optionally on another clock: a date (that calendar date in every tenant) or an
/// instant (each tenant's date at that instant).
/// </summary>
public sealed record QueueOverdueCheck(DateOnly? AsOfDate, DateTimeOffset? AsOfInstant, Actor By) : ICommand<OverdueCheckRun>;

/// <summary>Records the run (queued) and fires the job; the run's id is what the caller polls.</summary>
public sealed class QueueOverdueCheckHandler(RuleSuspensionDb db, IOverdueCheckScheduler scheduler, TimeProvider clock, InputLimits limits) : ICommandHandler<QueueOverdueCheck, OverdueCheckRun>
{
    /// <summary>The zone whose calendar is furthest ahead (UTC+14): no tenant's today is later than its today.</summary>
    private static readonly TimeSpan EarliestZone = TimeSpan.FromHours(14);

    public async ValueTask<OverdueCheckRun> Handle(QueueOverdueCheck command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        RefuseFuture(command, now);
        var run = new OverdueCheckRun(Guid.NewGuid(), "manual", command.By.ToString(), command.AsOfInstant ?? now, command.AsOfDate, null, now);
        db.OverdueCheckRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        await scheduler.TriggerAsync(run.Id, cancellationToken);
        return run;
    }

    /// <summary>
    /// A live run suspends for real: it counts days on a clock that has happened, never on a future one (a preview of
    /// a future date is what the what-if route is for).
    /// </summary>
    private void RefuseFuture(QueueOverdueCheck command, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (command.AsOfDate is { } date)
        {
            errors.Check("asOf", limits.DateProblem(date));
            if (date > DateOnly.FromDateTime(now.ToOffset(EarliestZone).DateTime))
            {
                errors.Add("asOf", $"must not be in the future (today is {DateOnly.FromDateTime(now.UtcDateTime):yyyy-MM-dd} UTC): a live check suspends for real.");
            }
        }

        if (command.AsOfInstant is { } instant && instant > now)
        {
            errors.Add("asOf", $"must not be in the future (now is {now:O}): a live check suspends for real.");
        }

        errors.ThrowIfAny();
    }
}
