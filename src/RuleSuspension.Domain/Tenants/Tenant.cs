using RuleSuspension.Domain.Common;

namespace RuleSuspension.Domain.Tenants;

/// <summary>
/// A tenant (space) of the host platform, as far as the overdue check needs it: the time zone its calendar days are
/// counted in. A customer whose tenant is unknown is counted in UTC.
/// </summary>
public sealed class Tenant
{
    /// <summary>The zone of a tenant that never set one.</summary>
    public const string DefaultTimeZone = "UTC";

    private Tenant()
    {
        Id = TimeZone = null!;
    }

    public Tenant(string id, string timeZone, DateTimeOffset at)
    {
        Id = Guard.NotBlank(id, "id");
        TimeZone = DefaultTimeZone;
        ChangeTimeZone(timeZone, at);
    }

    public string Id { get; private set; }

    /// <summary>An IANA time zone id, e.g. <c>Europe/Paris</c>.</summary>
    public string TimeZone { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public void ChangeTimeZone(string timeZone, DateTimeOffset at)
    {
        var zone = TenantClock.Resolve(Guard.NotBlank(timeZone, "timeZone"))
            ?? throw DomainException.Invalid("timeZone", $"'{timeZone}' is not a known IANA time zone id (e.g. Europe/Paris, America/New_York, UTC).");
        TimeZone = zone.Id;
        UpdatedAt = Guard.Utc(at);
    }
}
