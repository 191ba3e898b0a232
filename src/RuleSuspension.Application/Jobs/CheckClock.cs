using RuleSuspension.Domain.Tenants;

namespace RuleSuspension.Application.Jobs;

/// <summary>
/// The overdue check's clock. Given as an instant, each tenant's "today" is that instant in the tenant's zone; given
/// as a date, it is that calendar date in every tenant.
/// </summary>
public readonly record struct CheckClock(DateTimeOffset Instant, DateOnly? Date)
{
    /// <summary>The clock of a run asked for with an optional date, at <paramref name="now"/>.</summary>
    public static CheckClock At(DateTimeOffset now, DateOnly? date) => new(now.ToUniversalTime(), date);

    /// <summary>"Today" in a zone.</summary>
    public DateOnly TodayIn(TimeZoneInfo zone) => Date ?? TenantClock.Today(Instant, zone);

    /// <summary>
    /// The latest "today" of any tenant: no zone is more than 14 hours ahead of UTC, so no tenant's date is past the
    /// UTC date plus one. Invoices due before it are the only ones that can be overdue anywhere.
    /// </summary>
    public DateOnly LatestToday => Date ?? DateOnly.FromDateTime(Instant.UtcDateTime).AddDays(1);
}
