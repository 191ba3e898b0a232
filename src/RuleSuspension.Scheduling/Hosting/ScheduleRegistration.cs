using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;
using RuleSuspension.Scheduling.Configuration;
using RuleSuspension.Persistence;
using RuleSuspension.Scheduling.Jobs;
using RuleSuspension.Scheduling.Timers;

namespace RuleSuspension.Scheduling.Hosting;

/// <summary>
/// Makes sure the stored schedule says what the configuration says, when the node starts. Every node does this, so
/// the trigger is replaced only when it differs: replacing an unchanged trigger would reset it while another node
/// may be firing it.
/// </summary>
internal sealed class ScheduleRegistration(
    ISchedulerFactory schedulers, IServiceScopeFactory scopes, OverdueCheckSchedule schedule, TimeProvider clock, ILogger<ScheduleRegistration> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.AddJob(OverdueCheckJobDetail(), AddJobOptions.Replacing, cancellationToken);
        await scheduler.AddJob(WorkflowTimerJobDetail(), AddJobOptions.Replacing, cancellationToken);
        await RestoreTimerTriggersAsync(scheduler, cancellationToken);
        await ScheduleOverdueCheckAsync(scheduler, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Every pending timer row has a trigger, whatever set it: timers stored before they were Quartz triggers, or a
    /// trigger lost with a scheduler database. A trigger already there is kept as it is.
    /// </summary>
    private async Task RestoreTimerTriggersAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RuleSuspensionDb>();
        var pending = await db.WorkflowTimers.AsNoTracking().Where(t => !t.Fired)
            .Select(t => new { t.Id, t.InstanceId, t.ActivityId, t.DueAt }).ToListAsync(cancellationToken);
        var added = 0;
        foreach (var timer in pending)
        {
            var result = await scheduler.ScheduleTrigger(TimerTriggers.For(timer.Id, timer.InstanceId, timer.ActivityId, timer.DueAt, clock), TriggerConflict.Keep, cancellationToken);
            added += result.Outcome == ScheduleOutcome.Created ? 1 : 0;
        }

        if (pending.Count > 0)
        {
            logger.LogInformation("{Pending} workflow timers pending; {Added} of them had no trigger and got one", pending.Count, added);
        }
    }

    private async Task ScheduleOverdueCheckAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {

        var stored = await scheduler.GetTrigger(JobKeys.OverdueCheckSchedule, cancellationToken);
        if (stored is ICronTrigger cron && schedule.SameAs(cron))
        {
            logger.LogInformation("Overdue check scheduled '{Cron}' ({TimeZone}); next at {Next:O}", schedule.Cron, schedule.TimeZone.Id, stored.NextFireTimeUtc);
            return;
        }

        var trigger = OverdueCheckTrigger(schedule, clock);
        var next = stored is null
            ? await scheduler.ScheduleJob(trigger, default, cancellationToken)
            : await scheduler.RescheduleJob(JobKeys.OverdueCheckSchedule, trigger, cancellationToken);
        logger.LogInformation("Overdue check scheduled '{Cron}' ({TimeZone}); next at {Next:O}", schedule.Cron, schedule.TimeZone.Id, next);
    }

    internal static IJobDetail OverdueCheckJobDetail() => JobBuilder.Create<OverdueCheckJob>()
        .WithIdentity(JobKeys.OverdueCheck)
        .WithDescription("The overdue-invoice check")
        .StoreDurably()
        .DisallowConcurrentExecution()
        .RequestRecovery()
        .Build();

    internal static IJobDetail WorkflowTimerJobDetail() => JobBuilder.Create<WorkflowTimerJob>()
        .WithIdentity(JobKeys.WorkflowTimer)
        .WithDescription("Fires a timer of a waiting workflow instance")
        .StoreDurably()
        .RequestRecovery()
        .Build();

    /// <summary>
    /// The cron trigger. A firing missed while every node was down runs once as soon as one is back (not once per
    /// missed day): the check covers every customer each time, so one late run catches up.
    /// </summary>
    internal static ITrigger OverdueCheckTrigger(OverdueCheckSchedule schedule, TimeProvider clock) => TriggerBuilder.Create(clock)
        .WithIdentity(JobKeys.OverdueCheckSchedule)
        .ForJob(JobKeys.OverdueCheck)
        .WithDescription("OverdueCheck:Cron in OverdueCheck:TimeZone")
        .WithSchedule(CronScheduleBuilder.Create(schedule.Cron).InTimeZone(schedule.TimeZone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
        .Build();
}
