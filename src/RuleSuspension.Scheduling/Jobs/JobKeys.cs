using Quartz;

namespace RuleSuspension.Scheduling.Jobs;

/// <summary>The names of the jobs and triggers in the schedule (they are rows in the database, so they never change).</summary>
internal static class JobKeys
{
    public const string Group = "rulesuspension";

    public static readonly JobKey OverdueCheck = new("overdue-check", Group);

    public static readonly TriggerKey OverdueCheckSchedule = new("overdue-check-schedule", Group);

    public static readonly JobKey WorkflowTimer = new("workflow-timer", Group);

    /// <summary>Timer triggers are grouped per workflow instance, so an instance's timers are found by group.</summary>
    public const string TimerGroupPrefix = "timer:";
}
