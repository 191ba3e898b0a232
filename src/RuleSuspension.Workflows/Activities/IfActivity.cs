using System.Text.Json.Nodes;
using RuleSuspension.Workflows.Catalog;
using RuleSuspension.Workflows.Expressions;
using RuleSuspension.Workflows.Runtime;

namespace RuleSuspension.Workflows.Activities;

/// <summary>Branches on a condition.</summary>
internal sealed class IfActivity : IActivity
{
    public const string TypeName = "If";

    public ActivityDescriptor Descriptor { get; } = new()
    {
        Type = TypeName,
        DisplayName = "If",
        Category = "Decisions",
        Description = "Branches on a rule-language condition over the facts, the variables and the last decision.",
        Properties = [new() { Name = "condition", Type = PropertyTypes.Expression, Required = true, Description = "A boolean condition, e.g. customer.tags.contains(\"vip\")." }],
        Outcomes = ["True", "False"],
        RequiredOutcomes = ["True"],
    };

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var source = context.Activity.Text("condition") ?? throw new ActivityFailedException("If has no condition.");
        var condition = Conditions.Get(source);
        var result = condition.Evaluate(await context.FactsAsync(condition.Needs));
        return ActivityResult.Done(result ? "True" : "False", new JsonObject { ["condition"] = source, ["result"] = result });
    }
}
