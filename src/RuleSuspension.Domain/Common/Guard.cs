namespace RuleSuspension.Domain.Common;

internal static class Guard
{
    public static string NotBlank(string? value, string field)
        => string.IsNullOrWhiteSpace(value) ? throw DomainException.Invalid(field, $"'{field}' must not be empty.") : value.Trim();

    public static DateTimeOffset Utc(DateTimeOffset at) => at.ToUniversalTime();
}
