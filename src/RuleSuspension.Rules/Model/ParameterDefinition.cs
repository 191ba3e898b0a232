using System.Text.Json;
using RuleSuspension.Rules.Compilation;
using RuleSuspension.Rules.Language.Typing;

namespace RuleSuspension.Rules;

/// <summary>A tunable threshold of a rule set (<c>params.name</c>), edited by finance.</summary>
public sealed record ParameterDefinition
{
    /// <summary>camelCase name, read as <c>params.name</c>.</summary>
    public string Name { get; init; } = "";
    /// <summary>
    /// <c>number</c>, <c>integer</c>, <c>string</c>, <c>boolean</c>, <c>date</c>, <c>duration</c>,
    /// <c>list&lt;T&gt;</c> or <c>map&lt;string,T&gt;</c> of those.
    /// </summary>
    public string Type { get; init; } = "";
    /// <summary>Value used when no override is given. Required.</summary>
    public JsonElement? Default { get; init; }
    /// <summary>Inclusive lower bound of a number (or of each number of a list or map).</summary>
    public decimal? Min { get; init; }
    /// <summary>Inclusive upper bound of a number (or of each number of a list or map).</summary>
    public decimal? Max { get; init; }
    /// <summary>What the parameter means, for the people who edit it.</summary>
    public string? Description { get; init; }

    /// <summary>
    /// Checks a candidate value against the declared type and bounds.
    /// Returns the problems, empty when the value is acceptable.
    /// </summary>
    public IReadOnlyList<string> Validate(JsonElement value)
    {
        var type = RuleTypeParser.Parse(Type);
        if (type is null) return [$"parameter '{Name}' has an unknown type '{Type}'"];
        var errors = new List<string>();
        ParameterCodec.TryConvert(this, type, value, errors, out _);
        return errors;
    }
}
