namespace RuleSuspension.Workflows.Validation;

/// <summary>
/// One problem with a definition. <see cref="Path"/> is a JSON path into the definition
/// (<c>$.activities[2].properties.condition</c>); <see cref="Line"/> and <see cref="Column"/> (1-based) locate the
/// problem inside an expression at that path, or inside the JSON text for syntax errors.
/// </summary>
public sealed record WorkflowValidationError(
    string Path,
    string Message,
    string? ActivityId = null,
    string? Connection = null,
    int? Line = null,
    int? Column = null)
{
    public override string ToString() => Line is null ? $"{Path}: {Message}" : $"{Path} ({Line}:{Column}): {Message}";
}
