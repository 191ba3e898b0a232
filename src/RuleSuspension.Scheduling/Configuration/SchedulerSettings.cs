namespace RuleSuspension.Scheduling.Configuration;

/// <summary>The <c>Scheduling</c> configuration section: how this node takes part in the Quartz.NET scheduler.</summary>
public sealed class SchedulerSettings
{
    /// <summary>
    /// The scheduler's name. Every node of a cluster must use the same one (it is the key of the schedule in the
    /// database); schedulers in one process must differ (tests hosting several servers set it).
    /// </summary>
    public string SchedulerName { get; set; } = "RuleSuspension";

    /// <summary>How often a clustered node records that it is alive.</summary>
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long past a missed check-in the other nodes wait before taking over a node's work.</summary>
    public TimeSpan CheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an idle node waits before looking for due triggers again (also how soon it notices triggers another node stored).</summary>
    public TimeSpan IdleWaitTime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How late a trigger may fire before it counts as misfired (it then fires at once, once).</summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Jobs that may run at once on this node.</summary>
    public int MaxConcurrency { get; set; } = 4;
}
