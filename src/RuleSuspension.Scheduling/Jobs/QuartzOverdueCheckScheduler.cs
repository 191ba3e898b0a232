using Quartz;
using RuleSuspension.Application.Jobs;

namespace RuleSuspension.Scheduling.Jobs;

/// <summary>The API's view of the scheduler, on Quartz.</summary>
internal sealed class QuartzOverdueCheckScheduler(ISchedulerFactory schedulers) : IOverdueCheckScheduler
{
    public async Task TriggerAsync(Guid runId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.TriggerJob(JobKeys.OverdueCheck, new JobDataMap { [OverdueCheckJob.RunIdKey] = runId.ToString() }, cancellationToken);
    }

    public async Task<IReadOnlyList<ScheduledJob>> ListAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var jobs = new List<ScheduledJob>();

        // The check's times are its schedule's (a manual run's one-off trigger is not the next scheduled check).
        var schedule = await scheduler.GetTrigger(JobKeys.OverdueCheckSchedule, cancellationToken) as ICronTrigger;
        var checkTriggers = await TriggersOfAsync(scheduler, JobKeys.OverdueCheck, cancellationToken);
        jobs.Add(new ScheduledJob(JobKeys.OverdueCheck.Name, "The overdue-invoice check", schedule?.CronExpressionString, schedule?.TimeZone.Id,
            schedule?.NextFireTimeUtc, schedule?.PreviousFireTimeUtc, checkTriggers.Count));

        // Timers: how many are pending and when the next one is due.
        var timers = await TriggersOfAsync(scheduler, JobKeys.WorkflowTimer, cancellationToken);
        jobs.Add(new ScheduledJob(JobKeys.WorkflowTimer.Name, "Workflow timers (Delay, WaitForEvent timeouts)", null, null,
            timers.Select(t => t.NextFireTimeUtc).Where(t => t is not null).Min(), timers.Select(t => t.PreviousFireTimeUtc).Where(t => t is not null).Max(), timers.Count));
        return jobs;
    }

    private static async Task<IReadOnlyList<TriggerHeader>> TriggersOfAsync(IScheduler scheduler, JobKey job, CancellationToken cancellationToken)
        => (await scheduler.QueryTriggers(new TriggerQuery { Job = job, Take = TriggerQuery.All }, cancellationToken)).Items;
}
