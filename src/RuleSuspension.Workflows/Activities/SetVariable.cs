using System.Text.Json;
using System.Text.Json.Nodes;
using RuleSuspension.Workflows.Catalog;
using RuleSuspension.Workflows.Expressions;
using RuleSuspension.Workflows.Runtime;

namespace RuleSuspension.Workflows.Activities;

/// <summary>Sets a variable to a value, or to the result of a condition.</summary>
internal sealed class SetVariable : IActivity
{
    public string Type => ActivityTypes.SetVariable;

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var name = context.Activity.Text("variable") ?? throw new ActivityFailedException("SetVariable has no variable.");
        JsonElement value;
        if (context.Activity.Properties.TryGetValue("value", out var literal))
        {
            value = literal;
        }
        else
        {
            var condition = context.Activity.Text("condition") ?? throw new ActivityFailedException("SetVariable has neither value nor condition.");
            var compiled = Conditions.Get(condition);
            value = JsonSerializer.SerializeToElement(compiled.Evaluate(await context.FactsAsync(compiled.Needs)));
        }

        context.Instance.SetVariable(name, value);
        return ActivityResult.Done("Done", new JsonObject { ["variable"] = name, ["value"] = JsonNode.Parse(value.GetRawText()) });
    }
}
