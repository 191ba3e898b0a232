namespace RuleSuspension.Domain.Common;

/// <summary>
/// How the API matches an enumerated value it is sent (an outcome, a reason code, a status): the whole name, in any
/// case, and nothing else: no numbers, no combinations, no surrounding spaces.
/// </summary>
public static class EnumeratedValue
{
    /// <summary>The canonical spelling of <paramref name="value"/> among <paramref name="names"/>, or null when it is none of them.</summary>
    public static string? Match(IEnumerable<string> names, string? value)
        => value is null ? null : names.FirstOrDefault(name => string.Equals(name, value, StringComparison.OrdinalIgnoreCase));

    /// <summary>The enum member named <paramref name="value"/> (any case, the whole name), or null.</summary>
    public static TEnum? Match<TEnum>(string? value)
        where TEnum : struct, Enum
        => Match(Enum.GetNames<TEnum>(), value) is { } name ? Enum.Parse<TEnum>(name) : null;
}
