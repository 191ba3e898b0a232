namespace RuleSuspension.Rules.Facts;

/// <summary>The customer a rule set decides about. Rules see it as <c>customer</c>.</summary>
public sealed record CustomerFact
{
    /// <summary>External id of the customer (<c>customer.id</c>).</summary>
    public required string Id { get; init; }
    /// <summary>Tenant (space) of the customer (<c>customer.tenantId</c>).</summary>
    public string TenantId { get; init; } = "";
    /// <summary>Display name (<c>customer.name</c>).</summary>
    public string Name { get; init; } = "";
    /// <summary>Contact email (<c>customer.email</c>).</summary>
    public string Email { get; init; } = "";
    /// <summary>Current plan, if any (<c>customer.planId</c>).</summary>
    public string? PlanId { get; init; }
    /// <summary>Free tags (<c>customer.tags</c>).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>Whether the identity check passed (<c>customer.identityVerified</c>).</summary>
    public bool IdentityVerified { get; init; }
    /// <summary>Exempt customers are never suspended automatically (<c>customer.exempt</c>).</summary>
    public bool Exempt { get; init; }
    /// <summary>Emails of the account managers (<c>customer.accountManagers</c>).</summary>
    public IReadOnlyList<string> AccountManagers { get; init; } = [];
    /// <summary><c>"active"</c> or <c>"suspended"</c> (<c>customer.status</c>).</summary>
    public string Status { get; init; } = "active";
    /// <summary>Whether a suspension is active (<c>customer.suspended</c>).</summary>
    public bool Suspended { get; init; }
}
