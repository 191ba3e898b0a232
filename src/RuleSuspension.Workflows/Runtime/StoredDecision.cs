using RuleSuspension.Domain.Access;
using RuleSuspension.Rules;

namespace RuleSuspension.Workflows.Runtime;

/// <summary>The last rule-set decision of an instance, kept so that later steps (and expressions) can use it.</summary>
public sealed record StoredDecision(
    string RuleSet,
    int RuleSetVersion,
    DecisionOutcome Outcome,
    string? ReasonCode,
    string? Message,
    string? DecidingRule,
    IReadOnlyList<string> FiredRules)
{
    public static StoredDecision From(string ruleSet, int version, RuleSetDecision decision)
    {
        var actionType = decision.Outcome.ToString().ToLowerInvariant();
        var deciding = decision.FiredRules.FirstOrDefault(r => r.Actions.Any(a => a.Type == actionType))?.Rule;
        return new StoredDecision(ruleSet, version, decision.Outcome, decision.ReasonCode, decision.Message, deciding, decision.FiredRules.Select(r => r.Rule).ToList());
    }

    /// <summary>The decision as the rules engine's facts expect it (<c>decision.outcome</c>, <c>decision.reasonCode</c>).</summary>
    public RuleSetDecision ToRuleSetDecision() => new() { Outcome = Outcome, ReasonCode = ReasonCode, Message = Message };
}

/// <summary>How a person completed a human task; LiftSuspension acts on their behalf.</summary>
public sealed record TaskCompletion(Guid TaskId, string ActivityId, string Outcome, string By, Role Role, string Reason, DateTimeOffset At)
{
    public Actor Actor => Actor.Person(By, Role);
}
