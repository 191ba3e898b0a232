namespace RuleSuspension.Load;

/// <summary>
/// Every answered request of a phase with its kind and the moment it was due (a run is at most a few hundred
/// thousand requests: kept whole, summarised by any slice afterwards).
/// </summary>
internal sealed class LatencyRecorder
{
    private readonly List<Sample> _samples = [];

    public void Record(string kind, TimeSpan due, double milliseconds)
    {
        lock (_samples)
        {
            _samples.Add(new Sample(kind, due, milliseconds));
        }
    }

    /// <summary>The requests due within [from, to) of the phase, of one kind or of all.</summary>
    public LatencySummary Summarise(TimeSpan from, TimeSpan to, string? kind = null)
    {
        Sample[] slice;
        lock (_samples)
        {
            slice = _samples.Where(s => s.Due >= from && s.Due < to && (kind is null || s.Kind == kind)).ToArray();
        }

        var values = slice.Select(s => s.Milliseconds).ToArray();
        // Answered per second: from the slice's first due moment to its last answer, so a backlog lowers the rate.
        var seconds = slice.Length == 0 ? 1 : Math.Max(slice.Max(s => s.Due.TotalSeconds + s.Milliseconds / 1000) - slice.Min(s => s.Due.TotalSeconds), 1e-3);

        Array.Sort(values);
        double At(double q) => values.Length == 0 ? double.NaN : values[Math.Min(values.Length - 1, (int)Math.Ceiling(q * values.Length) - 1)];
        return new LatencySummary(values.Length, values.Length / seconds, At(0.50), At(0.99), values.Length == 0 ? double.NaN : values[^1]);
    }

    /// <summary>Per second of the phase, the worst latency of the requests due in it: where a stall happened and how long it lasted.</summary>
    public double[] WorstBySecond()
    {
        lock (_samples)
        {
            if (_samples.Count == 0)
            {
                return [];
            }

            var worst = new double[(int)_samples.Max(s => s.Due).TotalSeconds + 1];
            foreach (var sample in _samples)
            {
                var second = (int)sample.Due.TotalSeconds;
                worst[second] = Math.Max(worst[second], Math.Round(sample.Milliseconds));
            }

            return worst;
        }
    }

    public IReadOnlyList<string> Kinds()
    {
        lock (_samples)
        {
            return _samples.Select(s => s.Kind).Distinct().Order(StringComparer.Ordinal).ToList();
        }
    }

    private readonly record struct Sample(string Kind, TimeSpan Due, double Milliseconds);
}

internal sealed record LatencySummary(int Requests, double PerSecond, double P50, double P99, double Max);
