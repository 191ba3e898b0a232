using RuleSuspension.Domain.Suspensions;

namespace RuleSuspension.Workflows.Validation;

/// <summary>What the validator needs from its surroundings.</summary>
public sealed record WorkflowValidationOptions
{
    /// <summary>Decides which HumanTask roles may lift (the mission's rule).</summary>
    public SuspensionPolicy Policy { get; init; } = SuspensionPolicy.Default;

    /// <summary>When set, EvaluateRuleSet must name a rule set for which this answers true.</summary>
    public Func<string, bool>? RuleSetExists { get; init; }

    public static WorkflowValidationOptions Default { get; } = new();
}
