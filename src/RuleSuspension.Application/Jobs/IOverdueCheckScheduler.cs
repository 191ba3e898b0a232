namespace RuleSuspension.Application.Jobs;

/// <summary>The scheduler as the API sees it: fire a queued overdue-check run now, and list the scheduled jobs.</summary>
public interface IOverdueCheckScheduler
{
    /// <summary>Fires the overdue-check job for a queued run, on whichever node of the cluster picks it up.</summary>
    Task TriggerAsync(Guid runId, CancellationToken cancellationToken);

    /// <summary>The scheduled jobs with their next fire times.</summary>
    Task<IReadOnlyList<ScheduledJob>> ListAsync(CancellationToken cancellationToken);
}

/// <summary>A job of the scheduler and when its triggers fire next.</summary>
public sealed record ScheduledJob(string Name, string Description, string? Schedule, string? TimeZone, DateTimeOffset? NextFireTime, DateTimeOffset? PreviousFireTime, int Triggers);
