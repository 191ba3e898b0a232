using RuleSuspension.Application.Jobs;
using RuleSuspension.Scheduling.Configuration;

namespace RuleSuspension.Scheduling.Tests.Configuration;

public class OverdueCheckScheduleSpecs
{
    [Fact]
    public void By_default_the_check_runs_daily_at_two_in_the_morning_utc()
    {
        var schedule = OverdueCheckSchedule.From(new OverdueCheckOptions());

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero), schedule.NextAfter(new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void The_cron_is_read_in_its_configured_time_zone()
    {
        var schedule = OverdueCheckSchedule.From(new OverdueCheckOptions { Cron = "0 30 1 * * ?", TimeZone = "Europe/Paris" });

        Assert.Equal(new DateTimeOffset(2026, 1, 15, 0, 30, 0, TimeSpan.Zero), schedule.NextAfter(new DateTimeOffset(2026, 1, 14, 12, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void The_cron_follows_its_zone_across_a_daylight_saving_change()
    {
        var schedule = OverdueCheckSchedule.From(new OverdueCheckOptions { Cron = "0 0 4 * * ?", TimeZone = "Europe/Paris" });

        // 04:00 in Paris is 03:00 UTC in winter and 02:00 UTC from 29 March 2026 (summer time).
        Assert.Equal(new DateTimeOffset(2026, 3, 28, 3, 0, 0, TimeSpan.Zero), schedule.NextAfter(new DateTimeOffset(2026, 3, 28, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 2, 0, 0, TimeSpan.Zero), schedule.NextAfter(new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void An_invalid_cron_stops_the_start_with_a_message_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => OverdueCheckSchedule.From(new OverdueCheckOptions { Cron = "every day at two" }));

        Assert.Contains("OverdueCheck:Cron", error.Message);
    }

    [Fact]
    public void An_unknown_time_zone_stops_the_start_with_a_message_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => OverdueCheckSchedule.From(new OverdueCheckOptions { TimeZone = "Europe/Atlantis" }));

        Assert.Contains("OverdueCheck:TimeZone", error.Message);
    }
}
