using System.Globalization;

namespace RuleSuspension.Server.Tests.Telemetry;

/// <summary>Reads samples out of a Prometheus text exposition.</summary>
internal sealed class MetricsText(string text)
{
    public string Text { get; } = text;

    /// <summary>The value of the sample <paramref name="name"/> carrying every label given (others ignored); null when absent.</summary>
    public double? Value(string name, params (string Label, string Value)[] labels)
    {
        foreach (var line in Text.Split('\n'))
        {
            if (line.StartsWith('#') || !(line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal)))
            {
                continue;
            }

            if (labels.All(l => line.Contains($"{l.Label}=\"{l.Value}\"", StringComparison.Ordinal)))
            {
                var parts = line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ');
                return double.Parse(parts[0], CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}
