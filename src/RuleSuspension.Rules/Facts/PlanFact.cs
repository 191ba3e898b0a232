namespace RuleSuspension.Rules.Facts;

/// <summary>A plan (<c>plan</c>; null when the check has none).</summary>
public sealed record PlanFact
{
    /// <summary>Plan id (<c>plan.id</c>).</summary>
    public required string Id { get; init; }
    /// <summary>Plan name (<c>plan.name</c>).</summary>
    public string Name { get; init; } = "";
    /// <summary>Whether moving to this plan needs an approval (<c>plan.requiresApproval</c>).</summary>
    public bool RequiresApproval { get; init; }
}
