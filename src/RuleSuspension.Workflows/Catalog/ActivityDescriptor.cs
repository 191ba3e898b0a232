using System.Text.Json;
using RuleSuspension.Workflows.Definitions;

namespace RuleSuspension.Workflows.Catalog;

/// <summary>What the designer and the validator know of an activity type.</summary>
public sealed record ActivityDescriptor
{
    public required string Type { get; init; }

    public required string DisplayName { get; init; }

    /// <summary>A group for the designer's palette: Decisions, Actions, People, Flow.</summary>
    public required string Category { get; init; }

    public required string Description { get; init; }

    public IReadOnlyList<PropertyDescriptor> Properties { get; init; } = [];

    /// <summary>The outcomes it can end with (for <c>HumanTask</c>, the default of its <c>outcomes</c> property).</summary>
    public IReadOnlyList<string> Outcomes { get; init; } = [];

    /// <summary>Outcomes that must be connected, or the definition is refused.</summary>
    public IReadOnlyList<string> RequiredOutcomes { get; init; } = [];

    /// <summary>It waits (a task, an event, a timer): the instance is persisted with a bookmark and resumed later.</summary>
    public bool Blocking { get; init; }

    /// <summary>The outcomes of one activity of this type: the declared ones, or its <c>outcomes</c> property where that decides them.</summary>
    public IReadOnlyList<string> OutcomesOf(ActivityDefinition activity)
    {
        if (Type == ActivityTypes.HumanTask && activity.Properties.TryGetValue("outcomes", out var declared) && declared.ValueKind == JsonValueKind.Array)
        {
            return declared.EnumerateArray().Where(o => o.ValueKind == JsonValueKind.String).Select(o => o.GetString()!).ToList();
        }

        return Outcomes;
    }

    /// <summary>The outcomes of one activity that must be connected.</summary>
    public IReadOnlyList<string> RequiredOutcomesOf(ActivityDefinition activity)
    {
        if (Type == ActivityTypes.HumanTask)
        {
            // A person's every answer must lead somewhere: an unconnected answer would silently end the workflow.
            return OutcomesOf(activity);
        }

        if (Type == ActivityTypes.WaitForEvent && activity.Properties.ContainsKey("timeout"))
        {
            return ["Received", "Timeout"];
        }

        return RequiredOutcomes;
    }
}

/// <summary>One property of an activity type.</summary>
public sealed record PropertyDescriptor
{
    public required string Name { get; init; }

    /// <summary>One of <see cref="PropertyTypes"/>.</summary>
    public required string Type { get; init; }

    public bool Required { get; init; }

    public JsonElement? Default { get; init; }

    public required string Description { get; init; }

    /// <summary>The allowed values, when the property is a choice.</summary>
    public IReadOnlyList<string>? Options { get; init; }
}

/// <summary>The property types of the catalogue.</summary>
public static class PropertyTypes
{
    /// <summary>A single-line string.</summary>
    public const string String = "string";

    /// <summary>A string that may span lines.</summary>
    public const string Text = "text";

    /// <summary>A rule-language condition (a string), checked by the rules engine.</summary>
    public const string Expression = "expression";

    /// <summary>An ISO 8601 duration such as <c>PT1H</c> or <c>P7D</c>.</summary>
    public const string Duration = "duration";

    /// <summary>An array of strings.</summary>
    public const string StringList = "stringList";

    /// <summary>Any JSON value.</summary>
    public const string Json = "json";

    public static IReadOnlyList<string> All { get; } = [String, Text, Expression, Duration, StringList, Json];
}

/// <summary>The activity type names.</summary>
public static class ActivityTypes
{
    public const string EvaluateRuleSet = "EvaluateRuleSet";
    public const string If = "If";
    public const string SuspendCustomer = "SuspendCustomer";
    public const string Notify = "Notify";
    public const string HumanTask = "HumanTask";
    public const string LiftSuspension = "LiftSuspension";
    public const string WaitForEvent = "WaitForEvent";
    public const string Delay = "Delay";
    public const string SetVariable = "SetVariable";
    public const string End = "End";
}
