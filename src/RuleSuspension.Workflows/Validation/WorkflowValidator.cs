using System.Text.Json;
using System.Text.RegularExpressions;
using RuleSuspension.Domain.Events;
using RuleSuspension.Workflows.Definitions;
using RuleSuspension.Workflows.Expressions;

namespace RuleSuspension.Workflows.Validation;

/// <summary>
/// Checks a definition and reports every problem with its JSON path: shape, activity types and properties,
/// expressions (with line and column), connections, reachability, cycles, and the product's rule that only a person
/// lifts a suspension. What it knows of each activity type comes from the type's declaration in the catalogue.
/// </summary>
public static partial class WorkflowValidator
{
    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableNamePattern();

    /// <summary>Reads and checks a definition given as JSON.</summary>
    public static WorkflowValidationResult Validate(JsonElement json, WorkflowValidationOptions? options = null)
    {
        var errors = new List<WorkflowValidationError>();
        var definition = WorkflowJson.Read(json, errors);
        if (definition is not null)
        {
            Check(definition, options ?? WorkflowValidationOptions.Default, errors);
        }

        return new WorkflowValidationResult(definition, errors);
    }

    /// <summary>Checks a definition already read.</summary>
    public static IReadOnlyList<WorkflowValidationError> Validate(WorkflowDefinition definition, WorkflowValidationOptions? options = null)
    {
        var errors = new List<WorkflowValidationError>();
        Check(definition, options ?? WorkflowValidationOptions.Default, errors);
        return errors;
    }

    private static void Check(WorkflowDefinition definition, WorkflowValidationOptions options, List<WorkflowValidationError> errors)
    {
        if (definition.Id.Length > 0 && (!IdPattern().IsMatch(definition.Id) || definition.Id.Length > 128))
        {
            errors.Add(new("$.id", "An id uses lower-case letters, digits, '.', '-' and '_' (at most 128 characters)."));
        }

        CheckTriggers(definition, errors);
        CheckVariables(definition, errors);
        var graph = new FlowGraph(definition, options.Activities);
        CheckActivityIds(definition, graph, errors);
        if (definition.Start.Length > 0 && !graph.Contains(definition.Start))
        {
            errors.Add(new("$.start", $"The start activity '{definition.Start}' does not exist."));
        }

        for (var i = 0; i < definition.Activities.Count; i++)
        {
            CheckActivity(definition, graph, definition.Activities[i], $"$.activities[{i}]", options, errors);
        }

        CheckConnections(definition, graph, errors);
        CheckRequiredOutcomes(definition, graph, errors);
        CheckReachability(definition, graph, errors);
        CheckCycles(definition, graph, options.Activities, errors);
        CheckLifting(definition, graph, options, errors);
    }

    private static void CheckTriggers(WorkflowDefinition definition, List<WorkflowValidationError> errors)
    {
        for (var i = 0; i < definition.Triggers.Count; i++)
        {
            var trigger = definition.Triggers[i];
            if (trigger.Event is { } type && !EventTypes.IsKnown(type))
            {
                errors.Add(new($"$.triggers[{i}].event", $"Unknown event type '{type}'; expected one of {string.Join(", ", EventTypes.All)}."));
            }

            if (trigger.Schedule is { } schedule && string.IsNullOrWhiteSpace(schedule))
            {
                errors.Add(new($"$.triggers[{i}].schedule", "A schedule trigger names its schedule."));
            }

            if (trigger.Filter is { } filter)
            {
                errors.AddRange(Conditions.Check(filter, $"$.triggers[{i}].filter", activityId: null));
            }
        }
    }

    private static void CheckVariables(WorkflowDefinition definition, List<WorkflowValidationError> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Variables.Count; i++)
        {
            var variable = definition.Variables[i];
            if (!VariableNamePattern().IsMatch(variable.Name))
            {
                errors.Add(new($"$.variables[{i}].name", $"'{variable.Name}' is not a valid variable name (letters, digits and '_', not starting with a digit)."));
            }
            else if (!seen.Add(variable.Name))
            {
                errors.Add(new($"$.variables[{i}].name", $"The variable '{variable.Name}' is declared twice."));
            }

            if (variable.Default is { } value && !VariableValues.Fits(variable.Type, value))
            {
                errors.Add(new($"$.variables[{i}].default", $"The default is not a {variable.Type}."));
            }
        }
    }

    private static void CheckActivityIds(WorkflowDefinition definition, FlowGraph graph, List<WorkflowValidationError> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Activities.Count; i++)
        {
            var id = definition.Activities[i].Id;
            if (id.Length > 0 && !seen.Add(id))
            {
                errors.Add(new($"$.activities[{i}].id", $"The activity id '{id}' is used twice.", id));
            }
        }

        if (definition.Activities.Count == 0 && !errors.Any(e => e.Path == "$.activities"))
        {
            errors.Add(new("$.activities", "A workflow has at least one activity."));
        }
    }
}

/// <summary>A definition as read (null when the JSON was not an object) and every problem found.</summary>
public sealed record WorkflowValidationResult(WorkflowDefinition? Definition, IReadOnlyList<WorkflowValidationError> Errors)
{
    public bool IsValid => Definition is not null && Errors.Count == 0;
}
