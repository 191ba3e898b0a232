using Quartz;
using RuleSuspension.Application.Jobs;
using RuleSuspension.Domain.Tenants;

namespace RuleSuspension.Scheduling.Configuration;

/// <summary>
/// When the overdue check fires: <c>OverdueCheck:Cron</c> (a Quartz cron expression, seconds first) in
/// <c>OverdueCheck:TimeZone</c> (an IANA id). Both are checked when the server starts, so a typo stops it with a
/// message rather than silently never running the check.
/// </summary>
public sealed record OverdueCheckSchedule(string Cron, TimeZoneInfo TimeZone)
{
    /// <summary>Daily at 02:00 UTC.</summary>
    public static OverdueCheckSchedule Default { get; } = From(new OverdueCheckOptions());

    public static OverdueCheckSchedule From(OverdueCheckOptions options)
    {
        var cron = string.IsNullOrWhiteSpace(options.Cron) ? new OverdueCheckOptions().Cron : options.Cron.Trim();
        if (!CronExpression.TryParse(cron, out _))
        {
            throw new InvalidOperationException(
                $"OverdueCheck:Cron '{cron}' is not a valid Quartz cron expression (six or seven fields, seconds first, e.g. '0 0 2 * * ?' for daily at 02:00).");
        }

        var zoneId = string.IsNullOrWhiteSpace(options.TimeZone) ? "UTC" : options.TimeZone.Trim();
        var zone = TenantClock.Resolve(zoneId)
            ?? throw new InvalidOperationException($"OverdueCheck:TimeZone '{zoneId}' is not a known IANA time zone id (e.g. UTC, Europe/Paris).");
        return new OverdueCheckSchedule(cron, zone);
    }

    /// <summary>The next fire time after <paramref name="after"/>, in UTC.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after) => new CronExpression(Cron, TimeZone).GetNextValidTimeAfter(after);

    /// <summary>Whether a stored trigger already says the same as this schedule.</summary>
    public bool SameAs(ICronTrigger trigger) => trigger.CronExpressionString == Cron && trigger.TimeZone.Id == TimeZone.Id;
}
