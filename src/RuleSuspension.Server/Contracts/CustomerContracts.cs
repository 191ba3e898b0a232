using RuleSuspension.Domain.Customers;
using RuleSuspension.Domain.Suspensions;

namespace RuleSuspension.Server.Contracts;

public sealed record CustomerRequest(
    string? Name,
    string? Email,
    string? TenantId,
    string? PlanId,
    IReadOnlyList<string>? Tags,
    bool? IdentityVerified,
    bool? Exempt,
    IReadOnlyList<string>? AccountManagers,
    DateOnly? ExemptUntil = null,
    string? Reason = null)
{
    /// <summary>The profile as sent (a PUT replaces it whole); an end date alone means exempt until then.</summary>
    public CustomerProfile ToProfile() => new(TenantId ?? string.Empty, Name ?? string.Empty, Email ?? string.Empty, PlanId, Tags ?? [], IdentityVerified ?? false, Exempt ?? ExemptUntil is not null, AccountManagers ?? [])
    {
        ExemptUntil = ExemptUntil,
    };
}

public sealed record CustomerResponse(
    string Id,
    string Name,
    string Email,
    string TenantId,
    string? PlanId,
    IReadOnlyList<string> Tags,
    bool IdentityVerified,
    bool Exempt,
    DateOnly? ExemptUntil,
    IReadOnlyList<string> AccountManagers,
    string Status,
    ActiveSuspensionResponse? Suspension,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version)
{
    public static CustomerResponse From(Customer c) => new(
        c.Id, c.Name, c.Email, c.TenantId, c.PlanId, c.Tags, c.IdentityVerified, c.Exempt, c.ExemptUntil, c.AccountManagers,
        Wire.Of(c.Status), c.ActiveSuspension is { } s ? ActiveSuspensionResponse.From(s) : null, c.CreatedAt, c.UpdatedAt, c.Version);
}

public sealed record ActiveSuspensionResponse(Guid Id, string Kind, string ReasonCode, string ReasonText, DateTimeOffset SuspendedAt, string DecidedBy)
{
    public static ActiveSuspensionResponse From(Suspension s) => new(s.Id, Wire.Of(s.Kind), s.ReasonCode, s.ReasonText, s.SuspendedAt, s.DecidedBy);
}

/// <summary>What a customer may do now (<c>GET /api/customers/{id}/access</c>).</summary>
public sealed record AccessResponse(
    string CustomerId,
    bool Suspended,
    bool IsActiveUser,
    bool Invoiced,
    string Portal,
    string? Message,
    LoginResponse Login,
    bool NotificationsPaused,
    bool IngestionPaused)
{
    public static AccessResponse From(Customer c, SuspensionPolicy policy)
    {
        var suspended = c.Status == CustomerStatus.Suspended;
        return new AccessResponse(
            c.Id,
            suspended,
            c.Access.ActiveUser,
            c.Access.Invoiced,
            Wire.Of(c.Access.Portal),
            suspended ? policy.LoginRefusedMessage : null,
            suspended
                ? new LoginResponse(false, policy.LoginRefusedMessage, true, policy.AccountManagerMessage, c.AccountManagers)
                : new LoginResponse(true, null, true, null, c.AccountManagers),
            !c.Access.NotificationsEnabled,
            !c.Access.IngestionEnabled);
    }
}

/// <summary>Who may sign in: ordinary users are refused while suspended, account managers get in with a message.</summary>
public sealed record LoginResponse(bool UsersAllowed, string? UserMessage, bool AccountManagersAllowed, string? AccountManagerMessage, IReadOnlyList<string> AccountManagers);
