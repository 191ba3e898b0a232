using System.Text.Json;

namespace RuleSuspension.Rules;

/// <summary>
/// Parameter overrides for an evaluation (the values finance set). Immutable; a compiled rule set converts
/// an instance once and reuses the result, so keep and reuse instances across evaluations.
/// </summary>
public sealed class ParameterValues
{
    /// <summary>Creates overrides from raw JSON values by parameter name.</summary>
    public ParameterValues(IReadOnlyDictionary<string, JsonElement> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Values = values.ToDictionary(p => p.Key, p => p.Value.Clone(), StringComparer.Ordinal);
    }

    /// <summary>The overriding values by parameter name.</summary>
    public IReadOnlyDictionary<string, JsonElement> Values { get; }

    /// <summary>Reads overrides from a JSON object such as <c>{ "graceDays": 45 }</c>.</summary>
    public static ParameterValues Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            throw new JsonException("parameter values must be a JSON object");
        return new ParameterValues(document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()));
    }
}
