using System.Collections;
using System.Globalization;
using System.Text.Json;
using RuleSuspension.Rules.Language.Lexing;
using RuleSuspension.Rules.Language.Typing;

namespace RuleSuspension.Rules.Compilation;

/// <summary>Checks parameter values (JSON) against their declared type and bounds and converts them to runtime values.</summary>
internal static class ParameterCodec
{
    public static bool TryConvert(ParameterDefinition definition, RuleType type, JsonElement value, List<string> errors, out object? result)
    {
        var before = errors.Count;
        result = Convert(definition, type, value, definition.Name, errors);
        return errors.Count == before;
    }

    private static object? Convert(ParameterDefinition definition, RuleType type, JsonElement value, string what, List<string> errors)
    {
        switch (type.Kind)
        {
            case TypeKind.Number:
                if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
                    return WithinBounds(definition, number, what, errors) ? number : null;
                return Wrong(what, "a number", value, errors);
            case TypeKind.Integer:
                // 30.0 is the whole number 30: JSON does not tell integers from decimals.
                if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var whole) && decimal.IsInteger(whole) && whole is >= int.MinValue and <= int.MaxValue)
                    return WithinBounds(definition, (int)whole, what, errors) ? (int)whole : null;
                return Wrong(what, "a whole number", value, errors);
            case TypeKind.String:
                return value.ValueKind == JsonValueKind.String ? value.GetString() : Wrong(what, "a string", value, errors);
            case TypeKind.Boolean:
                return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : Wrong(what, "true or false", value, errors);
            case TypeKind.Date:
                if (value.ValueKind == JsonValueKind.String
                    && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    return date;
                return Wrong(what, "a date such as \"2026-01-31\"", value, errors);
            case TypeKind.DateTime:
                if (value.ValueKind == JsonValueKind.String
                    && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
                    return instant;
                return Wrong(what, "a date and time", value, errors);
            case TypeKind.Duration:
                if (value.ValueKind == JsonValueKind.String && ParseDuration(value.GetString()) is { } duration) return duration;
                return Wrong(what, "a duration such as \"30d\" or \"12h\"", value, errors);
            case TypeKind.List:
            {
                if (value.ValueKind != JsonValueKind.Array) return Wrong(what, $"a {type}", value, errors);
                var items = Array.CreateInstance(type.Element!.ClrType, value.GetArrayLength());
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    var converted = Convert(definition, type.Element, item, $"{what}[{i}]", errors);
                    if (converted is not null) items.SetValue(converted, i);
                    i++;
                }
                return items;
            }
            case TypeKind.Map:
            {
                if (value.ValueKind != JsonValueKind.Object) return Wrong(what, $"a {type} (a JSON object)", value, errors);
                var map = (IDictionary)Activator.CreateInstance(
                    typeof(Dictionary<,>).MakeGenericType(typeof(string), type.Element!.ClrType), StringComparer.Ordinal)!;
                foreach (var property in value.EnumerateObject())
                {
                    var converted = Convert(definition, type.Element, property.Value, $"{what}.{property.Name}", errors);
                    if (converted is not null) map[property.Name] = converted;
                }
                return map;
            }
            default:
                errors.Add($"parameter '{definition.Name}' has an unsupported type '{type}'");
                return null;
        }
    }

    private static object? Wrong(string what, string expected, JsonElement value, List<string> errors)
    {
        errors.Add($"'{what}' must be {expected} but was {(value.ValueKind == JsonValueKind.Undefined ? "missing" : value.GetRawText())}");
        return null;
    }

    private static bool WithinBounds(ParameterDefinition definition, decimal value, string what, List<string> errors)
    {
        if (definition.Min is { } min && value < min)
        {
            errors.Add($"'{what}' must be at least {min.ToString(CultureInfo.InvariantCulture)} but was {value.ToString(CultureInfo.InvariantCulture)}");
            return false;
        }
        if (definition.Max is { } max && value > max)
        {
            errors.Add($"'{what}' must be at most {max.ToString(CultureInfo.InvariantCulture)} but was {value.ToString(CultureInfo.InvariantCulture)}");
            return false;
        }
        return true;
    }

    /// <summary>Durations use the language's literal syntax: 30d, 12h, 15m, 10s.</summary>
    private static TimeSpan? ParseDuration(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            var tokens = Lexer.Tokenize(text);
            return tokens is [{ Kind: TokenKind.Duration, Value: TimeSpan span }, { Kind: TokenKind.End }] ? span : null;
        }
        catch (RuleSyntaxException)
        {
            return null;
        }
    }
}
