using System.Text.Json;
using System.Text.Json.Nodes;
using RuleSuspension.Workflows.Catalog;
using RuleSuspension.Workflows.Runtime;

namespace RuleSuspension.Workflows.Activities;

/// <summary>Evaluates a rule set and ends with its decision's outcome; the decision is kept for later steps.</summary>
internal sealed class EvaluateRuleSetActivity : IActivity
{
    public const string TypeName = "EvaluateRuleSet";

    public ActivityDescriptor Descriptor { get; } = new()
    {
        Type = TypeName,
        DisplayName = "Evaluate rule set",
        Category = "Decisions",
        Description = "Evaluates the current version of a rule set against the customer's facts and ends with its decision. Later steps see the decision as decision.outcome and decision.reasonCode.",
        Properties = [new() { Name = "ruleSet", Type = PropertyTypes.String, Required = true, Description = "The rule set's name, e.g. non-payment." }],
        Outcomes = ["Suspend", "Review", "Warn", "None"],
        RequiredOutcomes = ["Suspend"],
    };

    public void Check(ActivityCheck check)
    {
        if (check.Activity.Text("ruleSet") is { Length: > 0 } ruleSet && check.Options.RuleSetExists is { } exists && !exists(ruleSet))
        {
            check.Error(".properties.ruleSet", $"There is no rule set '{ruleSet}'.");
        }
    }

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var name = context.Activity.Text("ruleSet") ?? throw new ActivityFailedException("EvaluateRuleSet has no ruleSet.");
        var facts = await context.FactsAsync(await context.Services.Rules.NeedsAsync(name, context.CancellationToken));
        var evaluation = await context.Services.Rules.EvaluateAsync(name, facts, context.CancellationToken);
        var decision = StoredDecision.From(name, evaluation.Version, evaluation.Decision);
        context.Instance.Remember(decision);
        return ActivityResult.Done(decision.Outcome.ToString(), new JsonObject
        {
            ["ruleSet"] = name,
            ["ruleSetVersion"] = evaluation.Version,
            ["decisionId"] = evaluation.DecisionId?.ToString(),
            ["eventId"] = context.Instance.EventId,
            ["outcome"] = decision.Outcome.ToString(),
            ["reasonCode"] = decision.ReasonCode,
            ["message"] = decision.Message,
            ["firedRules"] = new JsonArray(decision.FiredRules.Select(r => (JsonNode)JsonValue.Create(r)!).ToArray()),
            ["explanation"] = evaluation.Decision.Explanation is { } explanation ? JsonSerializer.SerializeToNode(explanation, JsonSerializerOptions.Web) : null,
        });
    }
}
