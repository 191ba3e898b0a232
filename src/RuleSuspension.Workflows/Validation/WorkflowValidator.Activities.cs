using System.Text.Json;
using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Common;
using RuleSuspension.Workflows.Catalog;
using RuleSuspension.Workflows.Definitions;
using RuleSuspension.Workflows.Expressions;

namespace RuleSuspension.Workflows.Validation;

public static partial class WorkflowValidator
{
    private static void CheckActivity(WorkflowDefinition definition, ActivityDefinition activity, string path, WorkflowValidationOptions options, List<WorkflowValidationError> errors)
    {
        var descriptor = ActivityCatalog.Find(activity.Type);
        if (descriptor is null)
        {
            if (activity.Type.Length > 0)
            {
                errors.Add(new($"{path}.type", $"Unknown activity type '{activity.Type}'; expected one of {string.Join(", ", ActivityCatalog.All.Select(d => d.Type))}.", activity.Id));
            }

            return;
        }

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

        switch (activity.Type)
        {
            case ActivityTypes.HumanTask:
                var outcomes = descriptor.OutcomesOf(activity);
                if (activity.Properties.ContainsKey("outcomes") && (outcomes.Count == 0 || outcomes.Distinct().Count() != outcomes.Count || outcomes.Any(string.IsNullOrWhiteSpace)))
                {
                    errors.Add(new($"{path}.properties.outcomes", "A human task has at least one outcome, each named once.", activity.Id));
                }

                break;
            case ActivityTypes.SetVariable:
                var hasValue = activity.Properties.ContainsKey("value");
                if (hasValue == activity.Properties.ContainsKey("condition"))
                {
                    errors.Add(new($"{path}.properties", "SetVariable has either 'value' or 'condition'.", activity.Id));
                }

                if (activity.Text("variable") is { Length: > 0 } variableName)
                {
                    var declared = definition.Variables.FirstOrDefault(v => v.Name == variableName);
                    if (declared is null)
                    {
                        errors.Add(new($"{path}.properties.variable", $"The variable '{variableName}' is not declared in 'variables'.", activity.Id));
                    }
                    else if (hasValue && !VariableValues.Fits(declared.Type, activity.Properties["value"]))
                    {
                        errors.Add(new($"{path}.properties.value", $"The value is not a {declared.Type}, the type of '{variableName}'.", activity.Id));
                    }
                }

                break;
            case ActivityTypes.EvaluateRuleSet:
                if (activity.Text("ruleSet") is { Length: > 0 } ruleSet && options.RuleSetExists is { } exists && !exists(ruleSet))
                {
                    errors.Add(new($"{path}.properties.ruleSet", $"There is no rule set '{ruleSet}'.", activity.Id));
                }

                break;
        }
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
        => activity.Type == ActivityTypes.HumanTask
           && EnumeratedValue.Match<Role>(activity.Text("role")) is { } role
           && options.Policy.MayLift(role);
}
