using System.Globalization;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;
using RuleSuspension.Application.Workflows;
using RuleSuspension.Scheduling.Timers;

namespace RuleSuspension.Scheduling.Jobs;

/// <summary>
/// Fires a workflow timer when its trigger comes due. A timer whose row is not there yet (its step's transaction is
/// still open) is tried again a little later, a few times, then dropped: it was rolled back or cancelled.
/// </summary>
internal sealed class WorkflowTimerJob(IServiceScopeFactory scopes, ILogger<WorkflowTimerJob> logger) : IJob
{
    private const int MaxAttempts = 10;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(3);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        if (!data.TryGetValue(TimerTriggers.TimerIdKey, out var value) || !Guid.TryParse(value?.ToString(), out var timerId))
        {
            logger.LogWarning("Workflow timer trigger {Trigger} has no timer id; ignored", context.Trigger.Key);
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new FireWorkflowTimer(timerId), cancellationToken);
        if (outcome != TimerFiringOutcome.NotFound)
        {
            return;
        }

        var attempt = data.TryGetValue(TimerTriggers.AttemptKey, out var a) && int.TryParse(a?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
        if (attempt >= MaxAttempts)
        {
            logger.LogInformation("Workflow timer {TimerId} is not stored (rolled back or cancelled); dropped", timerId);
            return;
        }

        var key = context.Trigger.Key;
        var activityId = key.Name.Split('/')[0];
        var instanceId = Guid.ParseExact(key.Group[JobKeys.TimerGroupPrefix.Length..], "N");
        var retry = TimerTriggers.For(timerId, instanceId, activityId, context.Scheduler.TimeProvider.GetUtcNow() + RetryDelay, context.Scheduler.TimeProvider, attempt + 1);
        await context.Scheduler.ScheduleTrigger(retry, TriggerConflict.Replace, cancellationToken);
    }
}
