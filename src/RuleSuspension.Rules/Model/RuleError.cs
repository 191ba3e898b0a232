namespace RuleSuspension.Rules;

/// <summary>
/// A problem found in a rule set or expression. <see cref="Path"/> is a JSON path into the document
/// (<c>$.rules[2].when</c>); <see cref="Line"/> and <see cref="Column"/> (1-based) are positions inside the
/// expression or message at that path, or inside the JSON text for JSON syntax errors; null for shape errors.
/// </summary>
public sealed record RuleError(string Path, int? Line, int? Column, string Message)
{
    /// <inheritdoc />
    public override string ToString() =>
        Line is null ? $"{Path}: {Message}" : $"{Path} ({Line}:{Column}): {Message}";
}
