using Microsoft.EntityFrameworkCore;
using RuleSuspension.Application.Jobs;
using RuleSuspension.Domain.Tenants;
using RuleSuspension.Persistence;

namespace RuleSuspension.Application.Tenants;

/// <summary>
/// "Today" for each tenant at one clock: the overdue check and the dry runs over the whole book count days on each
/// tenant's calendar. Tenants are few next to customers, so their zones are read once.
/// </summary>
public sealed class TenantCalendar
{
    private readonly IReadOnlyDictionary<string, string> _tenantZones;
    private readonly Dictionary<string, TimeZoneInfo?> _zones = new(StringComparer.Ordinal);

    public TenantCalendar(CheckClock clock, IReadOnlyDictionary<string, string> tenantZones)
    {
        Clock = clock;
        _tenantZones = tenantZones;
    }

    public CheckClock Clock { get; }

    public static async Task<TenantCalendar> LoadAsync(RuleSuspensionDb db, CheckClock clock, CancellationToken cancellationToken)
        => new(clock, await db.Tenants.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.TimeZone, StringComparer.Ordinal, cancellationToken));

    /// <summary>"Today" at <paramref name="now"/> for one tenant, read on its own (one customer's event or step).</summary>
    public static async Task<DateOnly> TodayForAsync(RuleSuspensionDb db, string tenantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var zone = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.TimeZone).FirstOrDefaultAsync(cancellationToken);
        var zones = zone is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [tenantId] = zone };
        return new TenantCalendar(CheckClock.At(now, null), zones).TodayFor(tenantId);
    }

    /// <summary>"Today" for a customer of <paramref name="tenantId"/>; a tenant that never set a zone counts in UTC.</summary>
    public DateOnly TodayFor(string tenantId)
    {
        if (!_tenantZones.TryGetValue(tenantId, out var zoneId))
        {
            return Clock.TodayIn(TimeZoneInfo.Utc);
        }

        if (!_zones.TryGetValue(zoneId, out var zone))
        {
            _zones[zoneId] = zone = TenantClock.Resolve(zoneId);
        }

        // Counting in the wrong zone could suspend a day early: refuse and let the caller record it instead.
        return zone is null
            ? throw new InvalidOperationException($"The time zone '{zoneId}' of tenant '{tenantId}' is unknown on this node.")
            : Clock.TodayIn(zone);
    }
}
