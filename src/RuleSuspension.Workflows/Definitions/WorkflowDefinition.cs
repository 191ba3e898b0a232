using System.Text.Json;

namespace RuleSuspension.Workflows.Definitions;

/// <summary>
/// A workflow as authored: a flowchart of activities joined by connections from an activity's outcome to the next
/// activity. Immutable; a published version is never changed, so a running instance always sees what it started with.
/// </summary>
public sealed record WorkflowDefinition
{
    /// <summary>Stable id such as <c>signup-identity-check</c>.</summary>
    public string Id { get; init; } = "";

    /// <summary>Assigned by the store when the version is saved; informational in files.</summary>
    public int Version { get; init; }

    public string Name { get; init; } = "";

    public string? Description { get; init; }

    /// <summary>The id of the first activity.</summary>
    public string Start { get; init; } = "";

    public IReadOnlyList<TriggerDefinition> Triggers { get; init; } = [];

    public IReadOnlyList<VariableDefinition> Variables { get; init; } = [];

    public IReadOnlyList<ActivityDefinition> Activities { get; init; } = [];

    public IReadOnlyList<ConnectionDefinition> Connections { get; init; } = [];

    /// <summary>The activity with this id, or null.</summary>
    public ActivityDefinition? Activity(string id) => Activities.FirstOrDefault(a => a.Id == id);

    /// <summary>The activity an outcome leads to, or null when the outcome ends the path.</summary>
    public string? Next(string activityId, string outcome)
        => Connections.FirstOrDefault(c => c.From == activityId && c.Outcome == outcome)?.To;
}

/// <summary>What starts a workflow: an event type with an optional filter condition, or a named schedule.</summary>
public sealed record TriggerDefinition
{
    /// <summary>An event type (<c>EventTypes</c>), e.g. <c>customer.signed-up</c>.</summary>
    public string? Event { get; init; }

    /// <summary>A rule-language condition over the facts of the event; the workflow starts only when it holds.</summary>
    public string? Filter { get; init; }

    /// <summary>A schedule name such as <c>overdue-check</c>; the scheduler starts the workflow per customer.</summary>
    public string? Schedule { get; init; }
}

/// <summary>A workflow variable, visible to expressions as <c>variables.name</c>.</summary>
public sealed record VariableDefinition
{
    public string Name { get; init; } = "";

    /// <summary><c>string</c>, <c>number</c>, <c>boolean</c> or <c>json</c>.</summary>
    public string Type { get; init; } = "json";

    public JsonElement? Default { get; init; }
}

/// <summary>One box of the flowchart.</summary>
public sealed record ActivityDefinition
{
    public string Id { get; init; } = "";

    /// <summary>An activity type of the catalogue, e.g. <c>EvaluateRuleSet</c>.</summary>
    public string Type { get; init; } = "";

    /// <summary>A label for people; the designer shows it.</summary>
    public string? Name { get; init; }

    public IReadOnlyDictionary<string, JsonElement> Properties { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>Where the designer draws it.</summary>
    public DesignerPosition? Position { get; init; }

    /// <summary>A string property, or null when absent or not a string.</summary>
    public string? Text(string property)
        => Properties.TryGetValue(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>A point on the designer's canvas.</summary>
public sealed record DesignerPosition(double X, double Y);

/// <summary>An arrow: when <see cref="From"/> ends with <see cref="Outcome"/>, <see cref="To"/> runs next.</summary>
public sealed record ConnectionDefinition
{
    public string From { get; init; } = "";

    public string Outcome { get; init; } = "";

    public string To { get; init; } = "";

    public override string ToString() => $"{From} --{Outcome}--> {To}";
}
