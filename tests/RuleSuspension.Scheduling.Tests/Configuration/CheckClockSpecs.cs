using RuleSuspension.Application.Jobs;
using RuleSuspension.Domain.Tenants;

namespace RuleSuspension.Scheduling.Tests.Configuration;

/// <summary>A tenant's "today" is the check's instant in the tenant's zone; days overdue follow from it.</summary>
public class CheckClockSpecs
{
    private static TimeZoneInfo Zone(string id) => TenantClock.Resolve(id)!;

    [Fact]
    public void A_minute_before_midnight_in_new_york_is_still_the_previous_day_there()
    {
        var clock = CheckClock.At(new DateTimeOffset(2026, 3, 2, 4, 59, 0, TimeSpan.Zero), null);

        Assert.Equal(new DateOnly(2026, 3, 1), clock.TodayIn(Zone("America/New_York")));
    }

    [Fact]
    public void Midnight_in_new_york_is_the_next_day_there()
    {
        var clock = CheckClock.At(new DateTimeOffset(2026, 3, 2, 5, 0, 0, TimeSpan.Zero), null);

        Assert.Equal(new DateOnly(2026, 3, 2), clock.TodayIn(Zone("America/New_York")));
    }

    [Fact]
    public void Midnight_after_the_spring_change_in_paris_is_counted_with_the_summer_offset()
    {
        // Paris moves to UTC+2 at 01:00 UTC on 29 March 2026: 22:00 UTC on the 29th is already midnight of the 30th.
        var clock = CheckClock.At(new DateTimeOffset(2026, 3, 29, 22, 0, 0, TimeSpan.Zero), null);

        Assert.Equal(new DateOnly(2026, 3, 30), clock.TodayIn(Zone("Europe/Paris")));
    }

    [Fact]
    public void The_hour_before_midnight_after_the_autumn_change_in_paris_is_still_the_same_day()
    {
        // Back to UTC+1 on 25 October 2026: 22:30 UTC on the 25th is 23:30 there, not yet the 26th.
        var clock = CheckClock.At(new DateTimeOffset(2026, 10, 25, 22, 30, 0, TimeSpan.Zero), null);

        Assert.Equal(new DateOnly(2026, 10, 25), clock.TodayIn(Zone("Europe/Paris")));
    }

    [Theory]
    [InlineData("2026-03-29T21:59:00Z", 0)]
    [InlineData("2026-03-29T22:00:00Z", 1)]
    public void An_invoice_due_on_the_day_of_the_spring_change_becomes_overdue_at_the_next_local_midnight(string instant, int daysOverdue)
    {
        var today = CheckClock.At(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), null).TodayIn(Zone("Europe/Paris"));

        Assert.Equal(daysOverdue, Math.Max(0, today.DayNumber - new DateOnly(2026, 3, 29).DayNumber));
    }

    [Fact]
    public void A_clock_given_as_a_date_is_that_date_in_every_zone()
    {
        var clock = CheckClock.At(new DateTimeOffset(2026, 3, 1, 23, 0, 0, TimeSpan.Zero), new DateOnly(2026, 3, 1));

        Assert.All(new[] { "Pacific/Auckland", "UTC", "Pacific/Honolulu" }, zone => Assert.Equal(new DateOnly(2026, 3, 1), clock.TodayIn(Zone(zone))));
    }

    [Fact]
    public void No_tenant_is_further_ahead_than_the_latest_today()
    {
        var clock = CheckClock.At(new DateTimeOffset(2026, 3, 1, 23, 0, 0, TimeSpan.Zero), null);

        Assert.Equal(clock.TodayIn(Zone("Pacific/Kiritimati")), clock.LatestToday);
    }

    [Fact]
    public void An_unknown_zone_resolves_to_nothing_rather_than_a_guess()
        => Assert.Null(TenantClock.Resolve("Mars/Olympus_Mons"));
}
