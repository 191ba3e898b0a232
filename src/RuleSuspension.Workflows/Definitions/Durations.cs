using System.Xml;

namespace RuleSuspension.Workflows.Definitions;

/// <summary>ISO 8601 durations (<c>PT30M</c>, <c>P7D</c>) as used by Delay and WaitForEvent.</summary>
public static class Durations
{
    /// <summary>Parses a positive duration; false for anything else.</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text) || !text.StartsWith('P'))
        {
            return false;
        }

        try
        {
            duration = XmlConvert.ToTimeSpan(text);
            return duration > TimeSpan.Zero;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}
