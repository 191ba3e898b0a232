using System.Text.Json;
using System.Text.Json.Nodes;
using RuleSuspension.Workflows.Catalog;
using RuleSuspension.Workflows.Runtime;

namespace RuleSuspension.Workflows.Activities;

/// <summary>Evaluates a rule set and ends with its decision's outcome; the decision is kept for later steps.</summary>
internal sealed class EvaluateRuleSet : IActivity
{
    public string Type => ActivityTypes.EvaluateRuleSet;

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
