namespace RuleSuspension.Load;

/// <summary>Latencies of one phase, kept whole (a run is at most tens of thousands of requests) and sorted once.</summary>
internal sealed class LatencyRecorder(int capacity)
{
    private readonly double[] _milliseconds = new double[capacity];
    // The worst latency of the requests due in each second of the phase: where a stall happened, and how long it lasted.
    private readonly double[] _worstBySecond = new double[3600];
    private int _count;
    private int _errors;

    public int Count => Volatile.Read(ref _count);

    public int Errors => Volatile.Read(ref _errors);

    public void Record(double milliseconds, TimeSpan due)
    {
        var slot = Interlocked.Increment(ref _count) - 1;
        if (slot < _milliseconds.Length)
        {
            _milliseconds[slot] = milliseconds;
        }

        var second = Math.Min((int)due.TotalSeconds, _worstBySecond.Length - 1);
        lock (_worstBySecond)
        {
            _worstBySecond[second] = Math.Max(_worstBySecond[second], milliseconds);
        }
    }

    public void Error() => Interlocked.Increment(ref _errors);

    public LatencySummary Summarise(double seconds)
    {
        var values = _milliseconds.AsSpan(0, Math.Min(Count, _milliseconds.Length)).ToArray();
        Array.Sort(values);
        double At(double q) => values.Length == 0 ? double.NaN : values[Math.Min(values.Length - 1, (int)Math.Ceiling(q * values.Length) - 1)];
        var worst = _worstBySecond.AsSpan(0, Math.Min(_worstBySecond.Length, (int)Math.Ceiling(seconds))).ToArray().Select(ms => Math.Round(ms)).ToArray();
        return new LatencySummary(values.Length, Errors, values.Length / seconds, At(0.50), At(0.99), values.Length == 0 ? double.NaN : values[^1], worst);
    }
}

internal sealed record LatencySummary(int Requests, int Errors, double PerSecond, double P50, double P99, double Max, double[] WorstBySecond);
