using RuleSuspension.Domain.Suspensions;
using RuleSuspension.Workflows.Catalog;

namespace RuleSuspension.Workflows.Validation;

/// <summary>What the validator needs from its surroundings.</summary>
public sealed record WorkflowValidationOptions
{
    /// <summary>Decides which HumanTask roles may lift (only a person with such a role lifts a suspension).</summary>
    public SuspensionPolicy Policy { get; init; } = SuspensionPolicy.Default;

    /// <summary>When set, EvaluateRuleSet must name a rule set for which this answers true.</summary>
    public Func<string, bool>? RuleSetExists { get; init; }

    /// <summary>The activity types a definition may use, as their classes declare them.</summary>
    public ActivityCatalog Activities { get; init; } = ActivityCatalog.Default;

    public static WorkflowValidationOptions Default { get; } = new();
}
