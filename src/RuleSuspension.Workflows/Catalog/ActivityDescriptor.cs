using System.Text.Json;

namespace RuleSuspension.Workflows.Catalog;

/// <summary>
/// What the designer and the validator know of an activity type, declared by the activity's class
/// (<c>IActivity.Descriptor</c>) and served as it is at <c>GET /api/workflows/activities</c>.
/// </summary>
public sealed record ActivityDescriptor
{
    public required string Type { get; init; }

    public required string DisplayName { get; init; }

    /// <summary>A group for the designer's palette: Decisions, Actions, People, Flow.</summary>
    public required string Category { get; init; }

    public required string Description { get; init; }

    public IReadOnlyList<PropertyDescriptor> Properties { get; init; } = [];

    /// <summary>The outcomes it can end with (where an activity's properties decide them, as a human task's answers do, the default ones).</summary>
    public IReadOnlyList<string> Outcomes { get; init; } = [];

    /// <summary>Outcomes that must be connected, or the definition is refused.</summary>
    public IReadOnlyList<string> RequiredOutcomes { get; init; } = [];

    /// <summary>
    /// It waits (a task, an event, a timer): the instance is persisted with a bookmark and resumed later. The catalogue
    /// refuses a declaration that disagrees with its class (a blocking class is one that can be resumed).
    /// </summary>
    public bool Blocking { get; init; }
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
