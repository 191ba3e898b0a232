namespace RuleSuspension.Rules.Language.Typing;

/// <summary>Reads the type names that parameters declare, such as <c>list&lt;string&gt;</c> or <c>map&lt;string,number&gt;</c>.</summary>
internal static class RuleTypeParser
{
    public static RuleType? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var name = text.Replace(" ", "", StringComparison.Ordinal);
        if (name.StartsWith("list<", StringComparison.Ordinal) && name.EndsWith('>'))
            return Parse(name[5..^1]) is { } element && element.IsScalar ? RuleType.ListOf(element) : null;
        if (name.StartsWith("map<string,", StringComparison.Ordinal) && name.EndsWith('>'))
            return Parse(name[11..^1]) is { } value && value.IsScalar ? RuleType.MapOf(value) : null;
        return name switch
        {
            "number" => RuleType.Number,
            "integer" => RuleType.Integer,
            "string" => RuleType.String,
            "boolean" => RuleType.Boolean,
            "date" => RuleType.Date,
            "datetime" => RuleType.DateTime,
            "duration" => RuleType.Duration,
            _ => null,
        };
    }
}
