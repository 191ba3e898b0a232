using System.Text.Json.Nodes;
using RuleSuspension.Workflows.Catalog;
using RuleSuspension.Workflows.Expressions;
using RuleSuspension.Workflows.Runtime;

namespace RuleSuspension.Workflows.Activities;

/// <summary>Branches on a condition.</summary>
internal sealed class If : IActivity
{
    public string Type => ActivityTypes.If;

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var source = context.Activity.Text("condition") ?? throw new ActivityFailedException("If has no condition.");
        var condition = Conditions.Get(source);
        var result = condition.Evaluate(await context.FactsAsync(condition.Needs));
        return ActivityResult.Done(result ? "True" : "False", new JsonObject { ["condition"] = source, ["result"] = result });
    }
}
