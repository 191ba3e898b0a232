using Microsoft.EntityFrameworkCore;
using Quartz;
using RuleSuspension.Persistence;
using RuleSuspension.Scheduling.Jobs;
using RuleSuspension.Workflows.Ports;
using RuleSuspension.Workflows.Runtime;

namespace RuleSuspension.Scheduling.Timers;

/// <summary>
/// Workflow timers as Quartz triggers. The timer's row (WorkflowTimers) is still written with the step that set it,
/// in the step's transaction: it is the claim that makes a timer fire once and what a lost trigger is rebuilt from.
/// The trigger is what makes it fire on time, on any node, after any restart.
/// </summary>
internal sealed class QuartzTimerScheduler(RuleSuspensionDb db, ISchedulerFactory schedulers) : IWorkflowTimerScheduler
{
    public async Task ScheduleAsync(TimerRequest request, CancellationToken cancellationToken)
    {
        if (await db.WorkflowTimers.FindAsync([request.TimerId], cancellationToken) is null)
        {
            db.WorkflowTimers.Add(new WorkflowTimer(request.TimerId, request.InstanceId, request.CustomerId, request.ActivityId, request.DueAt));
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);

        // The same timer id twice is one trigger: a re-run of the step keeps the one already stored.
        await scheduler.ScheduleTrigger(TimerTriggers.For(request.TimerId, request.InstanceId, request.ActivityId, request.DueAt, scheduler.TimeProvider), TriggerConflict.Keep, cancellationToken);
    }

    public async Task CancelAsync(Guid instanceId, string activityId, CancellationToken cancellationToken)
    {
        var stored = await db.WorkflowTimers.Where(t => t.InstanceId == instanceId && t.ActivityId == activityId && !t.Fired).ToListAsync(cancellationToken);
        var pending = db.WorkflowTimers.Local.Where(t => t.InstanceId == instanceId && t.ActivityId == activityId && !t.Fired);
        db.WorkflowTimers.RemoveRange(stored.Union(pending).ToList());

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var triggers = await scheduler.QueryTriggers(
            new TriggerQuery { Group = GroupMatcher<TriggerKey>.GroupEquals(TimerTriggers.GroupOf(instanceId)), Name = NameMatcher<TriggerKey>.NameStartsWith(activityId + "/"), Take = TriggerQuery.All },
            cancellationToken);
        if (triggers.Items.Count > 0)
        {
            await scheduler.UnscheduleJobs(triggers.Items.Select(t => t.Key).ToList(), cancellationToken);
        }
    }
}

/// <summary>How a timer is spelled as a trigger: grouped by instance, named by activity and timer.</summary>
internal static class TimerTriggers
{
    public const string TimerIdKey = "timerId";
    public const string AttemptKey = "attempt";

    public static string GroupOf(Guid instanceId) => JobKeys.TimerGroupPrefix + instanceId.ToString("N");

    public static ITrigger For(Guid timerId, Guid instanceId, string activityId, DateTimeOffset dueAt, TimeProvider clock, int attempt = 0)
        => TriggerBuilder.Create(clock)
            .WithIdentity(new TriggerKey($"{activityId}/{timerId:N}" + (attempt == 0 ? string.Empty : $"/retry-{attempt}"), GroupOf(instanceId)))
            .ForJob(JobKeys.WorkflowTimer)
            .UsingJobData(TimerIdKey, timerId.ToString())
            .UsingJobData(AttemptKey, attempt.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .StartAt(dueAt)

            // A timer due while every node was down fires as soon as one is back.
            .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
}
