using System.Text.Json;
using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Common;
using RuleSuspension.Workflows.Activities;
using RuleSuspension.Workflows.Catalog;
using RuleSuspension.Workflows.Definitions;
using RuleSuspension.Workflows.Expressions;

namespace RuleSuspension.Workflows.Validation;

public static partial class WorkflowValidator
{
    /// <summary>An activity against its type's declaration (properties, their kinds and allowed values), then its type's own checks.</summary>
    private static void CheckActivity(WorkflowDefinition definition, FlowGraph graph, ActivityDefinition activity, string path, WorkflowValidationOptions options, List<WorkflowValidationError> errors)
    {
        if (graph.TypeOf(activity) is not { } type)
        {
            if (activity.Type.Length > 0)
            {
                errors.Add(new($"{path}.type", $"Unknown activity type '{activity.Type}'; expected one of {string.Join(", ", options.Activities.All.Select(d => d.Type))}.", activity.Id));
            }

            return;
        }

        var descriptor = type.Descriptor;
        foreach (var (name, _) in activity.Properties)
        {
            if (descriptor.Properties.All(p => p.Name != name))
            {
                var known = descriptor.Properties.Count == 0 ? "it has none" : "expected " + string.Join(", ", descriptor.Properties.Select(p => p.Name));
                errors.Add(new($"{path}.properties.{name}", $"{activity.Type} has no property '{name}'; {known}.", activity.Id));
            }
        }

        foreach (var property in descriptor.Properties)
        {
            var propertyPath = $"{path}.properties.{property.Name}";
            if (!activity.Properties.TryGetValue(property.Name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (property.Required)
                {
                    errors.Add(new(propertyPath, $"{activity.Type} needs the property '{property.Name}'.", activity.Id));
                }

                continue;
            }

            CheckPropertyValue(property, value, propertyPath, activity.Id, errors);
        }

        type.Check(new ActivityCheck(definition, activity, path, options, errors));
    }

    private static void CheckPropertyValue(PropertyDescriptor property, JsonElement value, string path, string activityId, List<WorkflowValidationError> errors)
    {
        switch (property.Type)
        {
            case PropertyTypes.Json:
                return;
            case PropertyTypes.StringList:
                if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
                {
                    errors.Add(new(path, $"'{property.Name}' must be an array of strings.", activityId));
                }

                return;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new(path, $"'{property.Name}' must be a string ({property.Type}), not {Describe(value.ValueKind)}.", activityId));
            return;
        }

        var text = value.GetString()!;
        if (property.Required && string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new(path, $"'{property.Name}' must not be empty.", activityId));
            return;
        }

        if (property.Options is { } options && !options.Contains(text))
        {
            errors.Add(new(path, $"'{text}' is not allowed for '{property.Name}'; expected one of {string.Join(", ", options)}.", activityId));
        }

        switch (property.Type)
        {
            case PropertyTypes.Expression:
                errors.AddRange(Conditions.Check(text, path, activityId));
                break;
            case PropertyTypes.Duration when !Durations.TryParse(text, out _):
                errors.Add(new(path, $"'{text}' is not a positive ISO 8601 duration such as PT1H or P7D.", activityId));
                break;
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>Whether a HumanTask activity is completed by a role that may lift suspensions.</summary>
    internal static bool IsLiftingTask(ActivityDefinition activity, WorkflowValidationOptions options)
        => activity.Type == HumanTaskActivity.TypeName
           && EnumeratedValue.Match<Role>(activity.Text("role")) is { } role
           && options.Policy.MayLift(role);
}
