namespace RuleSuspension.Workflows.Ports;

/// <summary>
/// Keeps timers of waiting instances durably, so that a restart or another node fires them. The poller behind it is
/// replaceable (a later issue moves timers to Quartz.NET triggers).
/// </summary>
public interface IWorkflowTimerScheduler
{
    /// <summary>Schedules a timer; the same id twice is one timer.</summary>
    Task ScheduleAsync(TimerRequest request, CancellationToken cancellationToken);

    /// <summary>Cancels the pending timers of an activity of an instance.</summary>
    Task CancelAsync(Guid instanceId, string activityId, CancellationToken cancellationToken);
}

public sealed record TimerRequest(Guid TimerId, Guid InstanceId, string CustomerId, string ActivityId, DateTimeOffset DueAt);
