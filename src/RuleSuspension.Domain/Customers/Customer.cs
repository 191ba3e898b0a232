using System.Diagnostics.CodeAnalysis;
using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Common;
using RuleSuspension.Domain.Suspensions;

namespace RuleSuspension.Domain.Customers;

/// <summary>
/// A customer of the host platform, and the aggregate that guards its suspensions: at most one active at a time,
/// never automatic for an exempt customer, lifted only by a person with the lifting role and a reason.
/// </summary>
public sealed class Customer : IHasDomainEvents
{
    private readonly List<Suspension> _suspensions = [];
    private readonly List<DomainEvent> _events = [];

    private Customer()
    {
        Id = TenantId = Name = Email = null!;
        Access = null!;
    }

    /// <summary>A new customer; <paramref name="exemptionReason"/> says why, and is required, when the profile is exempt.</summary>
    public Customer(string id, CustomerProfile profile, Actor by, DateTimeOffset at, string? exemptionReason = null)
    {
        Id = Guard.NotBlank(id, "id");
        Access = CustomerAccess.Full;
        CreatedAt = Guard.Utc(at);
        var reason = profile.Exempt ? Guard.NotBlank(exemptionReason, "reason") : null;
        Apply(profile, at);
        _events.Add(new CustomerCreated(Id, UpdatedAt, by, Profile));
        if (reason is not null)
        {
            _events.Add(new ExemptionChanged(Id, UpdatedAt, by, false, null, Exempt, ExemptUntil, reason));
        }
    }

    public string Id { get; private set; }

    public string TenantId { get; private set; }

    public string Name { get; private set; }

    public string Email { get; private set; }

    public string? PlanId { get; private set; }

    public List<string> Tags { get; private set; } = [];

    public bool IdentityVerified { get; private set; }

    /// <summary>Never suspended automatically (until <see cref="ExemptUntil"/>, when set).</summary>
    public bool Exempt { get; private set; }

    /// <summary>The last day of the exemption in the tenant's zone; null for no end. Only set while <see cref="Exempt"/>.</summary>
    public DateOnly? ExemptUntil { get; private set; }

    /// <summary>Emails of the people who manage this customer; they may still sign in while it is suspended.</summary>
    public List<string> AccountManagers { get; private set; } = [];

    public CustomerStatus Status { get; private set; }

    public CustomerAccess Access { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency token: every change of the aggregate bumps it.</summary>
    public int Version { get; private set; }

    /// <summary>The suspensions loaded with the customer (the active one at least).</summary>
    public IReadOnlyList<Suspension> Suspensions => _suspensions;

    public Suspension? ActiveSuspension => _suspensions.FirstOrDefault(s => s.IsActive);

    public IReadOnlyList<DomainEvent> DomainEvents => _events;

    public CustomerProfile Profile => new(TenantId, Name, Email, PlanId, Tags.ToList(), IdentityVerified, Exempt, AccountManagers.ToList()) { ExemptUntil = ExemptUntil };

    public void ClearDomainEvents() => _events.Clear();

    /// <summary>Whether the customer is exempt on <paramref name="tenantToday"/> (a date in the tenant's zone): the day after <see cref="ExemptUntil"/> it is ordinary again.</summary>
    public bool IsExemptOn(DateOnly tenantToday) => Exempt && (ExemptUntil is not { } until || tenantToday <= until);

    /// <summary>
    /// Replaces the profile; records a change only when something differs. A change of the exemption needs
    /// <paramref name="exemptionReason"/> and is recorded on its own, with who and why.
    /// </summary>
    public void UpdateProfile(CustomerProfile profile, Actor by, DateTimeOffset at, string? exemptionReason = null)
    {
        var before = Profile;
        if (SameProfile(before, profile))
        {
            return;
        }

        var exemptionChanges = before.Exempt != profile.Exempt || before.ExemptUntil != NormalisedUntil(profile);
        var reason = exemptionChanges ? Guard.NotBlank(exemptionReason, "reason") : null;
        Apply(profile, at);
        _events.Add(new CustomerProfileChanged(Id, UpdatedAt, by, before, Profile));
        if (reason is not null)
        {
            _events.Add(new ExemptionChanged(Id, UpdatedAt, by, before.Exempt, before.ExemptUntil, Exempt, ExemptUntil, reason));
        }
    }

    public void ChangePlan(string planId, Actor by, DateTimeOffset at)
        => UpdateProfile(Profile with { PlanId = Guard.NotBlank(planId, "planId") }, by, at);

    public void MarkIdentityVerified(Actor by, DateTimeOffset at)
        => UpdateProfile(Profile with { IdentityVerified = true }, by, at);

    /// <summary>
    /// Suspends the customer, applying the policy's effects and keeping what they replaced. <paramref name="tenantToday"/>
    /// is "today" in the customer's tenant, for an exemption with a last day; null counts in UTC.
    /// </summary>
    public Suspension Suspend(SuspensionDecision decision, SuspensionPolicy policy, DateTimeOffset at, DateOnly? tenantToday = null)
    {
        var reasonCode = ReasonCodes.Find(decision.ReasonCode)
            ?? throw DomainException.Invalid("reasonCode", $"Unknown reason code '{decision.ReasonCode}'; expected one of {string.Join(", ", ReasonCodes.All)}.");
        var reasonText = Guard.NotBlank(decision.ReasonText, "reason");
        if (ActiveSuspension is { } active)
        {
            throw DomainException.Conflict("already-suspended", $"Customer '{Id}' is already suspended (since {active.SuspendedAt:O}, {active.ReasonCode}).");
        }

        if (decision.Kind == SuspensionKind.Automatic && IsExemptOn(tenantToday ?? DateOnly.FromDateTime(at.UtcDateTime)))
        {
            throw DomainException.Conflict("customer-exempt", $"Customer '{Id}' is exempt and is never suspended automatically.");
        }

        at = Guard.Utc(at);
        var suspension = new Suspension(Id, decision with { ReasonCode = reasonCode, ReasonText = reasonText }, Access, at);
        _suspensions.Add(suspension);
        Access = policy.Restrict(Access);
        Status = CustomerStatus.Suspended;
        Touch(at);
        _events.Add(new CustomerSuspended(Id, at, decision.DecidedBy, suspension));
        return suspension;
    }

    /// <summary>Lifts the active suspension and restores what it changed. Always a person's act.</summary>
    public Suspension Lift(Actor by, string reason, SuspensionPolicy policy, DateTimeOffset at)
    {
        var text = Guard.NotBlank(reason, "reason");
        if (!by.IsPerson)
        {
            throw DomainException.Forbidden("lift-needs-a-person", "A suspension is only ever lifted by a person.");
        }

        if (by.Role is not { } role || !policy.MayLift(role))
        {
            throw DomainException.Forbidden("lift-needs-role", $"Lifting a suspension needs the {policy.LiftingRole} role.");
        }

        var active = ActiveSuspension
            ?? throw DomainException.Conflict("not-suspended", $"Customer '{Id}' is not suspended.");

        at = Guard.Utc(at);
        active.MarkLifted(by, text, at);
        Access = active.AccessBefore;
        Status = CustomerStatus.Active;
        Touch(at);
        _events.Add(new SuspensionLifted(Id, at, by, active));
        return active;
    }

    [MemberNotNull(nameof(TenantId), nameof(Name), nameof(Email))]
    private void Apply(CustomerProfile profile, DateTimeOffset at)
    {
        TenantId = Guard.NotBlank(profile.TenantId, "tenantId");
        Name = Guard.NotBlank(profile.Name, "name");
        Email = Guard.NotBlank(profile.Email, "email");
        PlanId = string.IsNullOrWhiteSpace(profile.PlanId) ? null : profile.PlanId.Trim();
        Tags = profile.Tags.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).Distinct().ToList();
        IdentityVerified = profile.IdentityVerified;
        if (!profile.Exempt && profile.ExemptUntil is not null)
        {
            throw DomainException.Invalid("exemptUntil", "An exemption's last day needs 'exempt': true.");
        }

        Exempt = profile.Exempt;
        ExemptUntil = NormalisedUntil(profile);
        AccountManagers = profile.AccountManagers.Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        Touch(Guard.Utc(at));
    }

    private void Touch(DateTimeOffset at)
    {
        UpdatedAt = at;
        Version++;
    }

    private static DateOnly? NormalisedUntil(CustomerProfile profile) => profile.Exempt ? profile.ExemptUntil : null;

    private static bool SameProfile(CustomerProfile a, CustomerProfile b)
        => a.TenantId == b.TenantId && a.Name == b.Name && a.Email == b.Email && a.PlanId == b.PlanId
           && a.IdentityVerified == b.IdentityVerified && a.Exempt == b.Exempt && a.ExemptUntil == b.ExemptUntil
           && a.Tags.SequenceEqual(b.Tags) && a.AccountManagers.SequenceEqual(b.AccountManagers);
}
