using System.Globalization;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using RuleSuspension.Application.Jobs;

namespace RuleSuspension.Scheduling.Jobs;

/// <summary>
/// Runs the overdue-invoice check. Scheduled firings get a run derived from their fire time; manual ones carry the
/// id of the run the API recorded. One at a time across the cluster; a firing on a node that dies is recovered by
/// another node and continues the same run. Both steps are commands sent through the mediator, in a scope of the
/// firing's own.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class OverdueCheckJob(IServiceScopeFactory scopes) : IJob
{
    public const string RunIdKey = "runId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var runId = context.MergedJobDataMap.TryGetValue(RunIdKey, out var value) && Guid.TryParse(value?.ToString(), out var queued)
            ? queued
            : await sender.Send(new RecordScheduledOverdueCheck(ScheduledFireTime(context)), cancellationToken);
        await sender.Send(new RunOverdueCheck(runId, context.Scheduler.SchedulerInstanceId), cancellationToken);
    }

    /// <summary>The fire time the firing belongs to; for a recovered firing, the original one's.</summary>
    private static DateTimeOffset ScheduledFireTime(IJobExecutionContext context)
    {
        if (context.Recovering
            && context.MergedJobDataMap.TryGetValue(SchedulerConstants.FailedJobOriginalTriggerScheduledFireTime, out var original)
            && long.TryParse(original?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var milliseconds))
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        }

        return context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
    }
}
