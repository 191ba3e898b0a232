namespace RuleSuspension.Domain.Tenants;

/// <summary>
/// What "today" is for a tenant: the check's instant converted to the tenant's zone, as a calendar date. Converting
/// the instant (rather than adding a fixed offset) is what keeps the day right across a daylight-saving change.
/// </summary>
public static class TenantClock
{
    /// <summary>The zone of an IANA id, or null when the id is unknown.</summary>
    public static TimeZoneInfo? Resolve(string? timeZone)
        => string.IsNullOrWhiteSpace(timeZone) ? null
            : TimeZoneInfo.TryFindSystemTimeZoneById(timeZone.Trim(), out var zone) ? zone : null;

    /// <summary>The calendar date of <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    public static DateOnly Today(DateTimeOffset instant, TimeZoneInfo zone)
        => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
