namespace RuleSuspension.Domain.Customers;

/// <summary>The descriptive part of a customer that the host platform owns and sends us.</summary>
public sealed record CustomerProfile(
    string TenantId,
    string Name,
    string Email,
    string? PlanId,
    IReadOnlyList<string> Tags,
    bool IdentityVerified,
    bool Exempt,
    IReadOnlyList<string> AccountManagers)
{
    /// <summary>
    /// With <see cref="Exempt"/>, the last day (in the tenant's zone) of the exemption; after it the customer is ordinary
    /// again. Null: exempt until someone says otherwise.
    /// </summary>
    public DateOnly? ExemptUntil { get; init; }
}
