namespace RuleSuspension.Rules;

/// <summary>One rule: when its condition holds, its actions run (at most once per evaluation).</summary>
public sealed record RuleDefinition
{
    /// <summary>Unique name within the rule set; shown in decisions and explanations.</summary>
    public string Name { get; init; } = "";
    /// <summary>Why the rule exists, for people.</summary>
    public string? Description { get; init; }
    /// <summary>Higher fires first; ties fire in declaration order.</summary>
    public int Priority { get; init; }
    /// <summary>The condition, in the rule language (see docs/rules.md).</summary>
    public string When { get; init; } = "";
    /// <summary>The actions, run in order when the rule fires.</summary>
    public IReadOnlyList<RuleAction> Then { get; init; } = [];
}

/// <summary>An action of a rule.</summary>
public sealed record RuleAction
{
    /// <summary><c>suspend</c>, <c>review</c>, <c>warn</c>, <c>assert</c> or <c>halt</c>.</summary>
    public string Type { get; init; } = "";
    /// <summary>Reason code of a suspend, review or warn (e.g. <c>non-payment</c>).</summary>
    public string? ReasonCode { get; init; }
    /// <summary>Message of a suspend, review or warn; may interpolate expressions as <c>{params.graceDays}</c>.</summary>
    public string? Message { get; init; }
    /// <summary>Name of the derived fact an <c>assert</c> sets (read as <c>facts.name</c>).</summary>
    public string? Fact { get; init; }
    /// <summary>Expression whose value an <c>assert</c> gives the fact; the fact's type is inferred from it.</summary>
    public string? Value { get; init; }
}
