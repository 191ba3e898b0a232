using System.Text.Json;
using System.Text.Json.Nodes;
using RuleSuspension.Workflows.Catalog;
using RuleSuspension.Workflows.Expressions;
using RuleSuspension.Workflows.Runtime;

namespace RuleSuspension.Workflows.Activities;

/// <summary>Sets a variable to a value, or to the result of a condition.</summary>
internal sealed class SetVariableActivity : IActivity
{
    public const string TypeName = "SetVariable";

    public ActivityDescriptor Descriptor { get; } = new()
    {
        Type = TypeName,
        DisplayName = "Set variable",
        Category = "Flow",
        Description = "Sets a declared variable to a JSON value, or to the truth of a condition.",
        Properties =
        [
            new() { Name = "variable", Type = PropertyTypes.String, Required = true, Description = "The variable's name (declared in variables)." },
            new() { Name = "value", Type = PropertyTypes.Json, Description = "The value to set." },
            new() { Name = "condition", Type = PropertyTypes.Expression, Description = "Instead of value: a condition whose result (true or false) is set." },
        ],
        Outcomes = ["Done"],
    };

    public void Check(ActivityCheck check)
    {
        var activity = check.Activity;
        var hasValue = activity.Properties.ContainsKey("value");
        if (hasValue == activity.Properties.ContainsKey("condition"))
        {
            check.Error(".properties", "SetVariable has either 'value' or 'condition'.");
        }

        if (activity.Text("variable") is not { Length: > 0 } variableName)
        {
            return;
        }

        var declared = check.Definition.Variables.FirstOrDefault(v => v.Name == variableName);
        if (declared is null)
        {
            check.Error(".properties.variable", $"The variable '{variableName}' is not declared in 'variables'.");
        }
        else if (hasValue && !VariableValues.Fits(declared.Type, activity.Properties["value"]))
        {
            check.Error(".properties.value", $"The value is not a {declared.Type}, the type of '{variableName}'.");
        }
    }

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
