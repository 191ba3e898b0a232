using System.Text.Json;

namespace RuleSuspension.Workflows.Expressions;

/// <summary>Whether a JSON value fits a declared variable type.</summary>
public static class VariableValues
{
    public static bool Fits(string type, JsonElement value) => value.ValueKind == JsonValueKind.Null || type switch
    {
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        _ => true,
    };
}
