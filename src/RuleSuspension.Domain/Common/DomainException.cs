namespace RuleSuspension.Domain.Common;

/// <summary>A command that the domain refuses. <see cref="Kind"/> tells the API which status to answer with.</summary>
public sealed class DomainException(DomainErrorKind kind, string code, string message, string? field = null)
    : Exception(message)
{
    public DomainErrorKind Kind { get; } = kind;

    /// <summary>A stable, machine-readable code such as <c>already-suspended</c>.</summary>
    public string Code { get; } = code;

    /// <summary>The input field at fault, when there is one.</summary>
    public string? Field { get; } = field;

    public static DomainException Invalid(string field, string message) => new(DomainErrorKind.Invalid, "invalid", message, field);

    public static DomainException Conflict(string code, string message) => new(DomainErrorKind.Conflict, code, message);

    public static DomainException Forbidden(string code, string message) => new(DomainErrorKind.Forbidden, code, message);

    public static DomainException NotFound(string what, string id) => new(DomainErrorKind.NotFound, "not-found", $"{what} '{id}' does not exist.");
}

public enum DomainErrorKind
{
    Invalid,
    Conflict,
    Forbidden,
    NotFound,
}
