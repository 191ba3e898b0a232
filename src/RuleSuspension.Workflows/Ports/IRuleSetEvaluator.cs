using RuleSuspension.Rules;
using RuleSuspension.Rules.Facts;

namespace RuleSuspension.Workflows.Ports;

/// <summary>Evaluates the current version of a named rule set, with the parameter values finance set.</summary>
public interface IRuleSetEvaluator
{
    /// <summary>The parts of the facts the current version's rules read: the facts to build for <see cref="EvaluateAsync"/>.</summary>
    Task<FactNeeds> NeedsAsync(string ruleSet, CancellationToken cancellationToken);

    Task<RuleSetEvaluation> EvaluateAsync(string ruleSet, FactSet facts, CancellationToken cancellationToken);
}

/// <summary>A decision and the rule-set version that made it.</summary>
public sealed record RuleSetEvaluation(int Version, RuleSetDecision Decision)
{
    /// <summary>The decision's record (<c>GET /api/decisions/{id}</c>), when the host records decisions.</summary>
    public Guid? DecisionId { get; init; }
}
