namespace RuleSuspension.Rules.Language.Typing;

/// <summary>Reads the type names that parameters declare, such as <c>list&lt;string&gt;</c> or <c>map&lt;string,number&gt;</c>.</summary>
internal static class RuleTypeParser
{
    /// <remarks>Lists and maps hold scalars only, so there is one level to read: no recursion, whatever the text.</remarks>
    public static RuleType? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var name = text.Replace(" ", "", StringComparison.Ordinal);
        if (name.StartsWith("list<", StringComparison.Ordinal) && name.EndsWith('>'))
            return Scalar(name[5..^1]) is { } element ? RuleType.ListOf(element) : null;
        if (name.StartsWith("map<string,", StringComparison.Ordinal) && name.EndsWith('>'))
            return Scalar(name[11..^1]) is { } value ? RuleType.MapOf(value) : null;
        return Scalar(name);
    }

    private static RuleType? Scalar(string name) => name switch
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
