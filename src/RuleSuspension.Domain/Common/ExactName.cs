namespace RuleSuspension.Domain.Common;

/// <summary>
/// Reads an enumerated value by its exact name, case-insensitively (DESIGN §8): never a number, never a combination
/// of flags, never padded (<c>Enum.TryParse</c> takes "4" and "Integration, Finance").
/// </summary>
public static class ExactName
{
    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var name in Enum.GetNames<TEnum>())
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                value = Enum.Parse<TEnum>(name);
                return true;
            }
        }

        value = default;
        return false;
    }
}
