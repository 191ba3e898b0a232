namespace RuleSuspension.Application;

/// <summary>One problem in a submitted document (a rule set, a workflow, an expression).</summary>
/// <param name="Path">A JSON path into the document, such as <c>$.rules[2].when</c>.</param>
/// <param name="Line">1-based line inside the expression (or the JSON text for syntax errors), when known.</param>
/// <param name="Column">1-based column, when known.</param>
public sealed record DocumentError(string Path, int? Line, int? Column, string Message);

/// <summary>A document that is refused, with every error found in it (not just the first).</summary>
public sealed class InvalidDocumentException(string what, IReadOnlyList<DocumentError> errors)
    : Exception($"The {what} is not valid: {string.Join("; ", errors.Select(e => $"{e.Path}: {e.Message}"))}")
{
    public string What { get; } = what;

    public IReadOnlyList<DocumentError> Errors { get; } = errors;
}
