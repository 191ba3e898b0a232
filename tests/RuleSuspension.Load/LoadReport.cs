using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RuleSuspension.Load;

/// <summary>One row of the report: a slice of a phase.</summary>
internal sealed record PhaseFigures(string Phase, LatencySummary All, IReadOnlyDictionary<string, LatencySummary> ByEventType);

/// <summary>Everything a run measured, written as markdown (for docs/performance.md) and JSON (for comparing runs).</summary>
internal sealed record LoadReport(
    LoadOptions Options,
    string Run,
    double StartToHealthyMs,
    double? RestartToHealthyMs,
    IReadOnlyList<PhaseFigures> Phases,
    double[] SteadyWorstBySecond,
    LatencySummary PlainInsert,
    int Refused,
    int GivenUp,
    int Resends,
    int Conflicts,
    EndStateResult EndState)
{
    public async Task<string> WriteAsync()
    {
        Directory.CreateDirectory(Options.ReportDirectory);
        var mode = Options.WarmSeconds > 0 ? "warm" : "fresh";
        var stem = Path.Combine(Options.ReportDirectory, $"{Options.Database.ToLowerInvariant()}-{mode}{(Options.KillAfterSeconds > 0 ? "-kill" : "")}-{Run}");
        await File.WriteAllTextAsync(stem + ".md", Markdown());
        await File.WriteAllTextAsync(stem + ".json", JsonSerializer.Serialize(this, new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }));
        return stem + ".md";
    }

    public string Markdown()
    {
        var o = Options;
        var text = new StringBuilder();
        var start = o.WarmSeconds > 0 ? $"a **warm** server ({o.WarmSeconds} s of the same traffic first, not measured)" : "a **fresh** server and database";
        text.AppendLine(CultureInfo.InvariantCulture, $"### Mixed traffic on {o.Database}, {start} (run {Run}, {Environment.ProcessorCount} cores, client, server and database on one machine)");
        text.AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"Server start to `/health` 200: {StartToHealthyMs:F0} ms.");
        if (RestartToHealthyMs is { } restart)
        {
            text.Append(CultureInfo.InvariantCulture, $" Killed -9 {o.KillAfterSeconds} s into the steady phase; healthy again {restart:F0} ms after the kill; {Resends} resends under the same ids.");
        }

        text.AppendLine();
        text.AppendLine();
        text.AppendLine("| phase | answered | per second | p50 ms | p99 ms | max ms | plain INSERT rows/s, same run | events/s : plain |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var phase in Phases)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {phase.Phase} | {phase.All.Requests} | {phase.All.PerSecond:F0} | {phase.All.P50:F1} | {phase.All.P99:F1} | {phase.All.Max:F1} | {PlainInsert.PerSecond:F0} | 1/{PlainInsert.PerSecond / phase.All.PerSecond:F1} |");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"| plain INSERT of event rows, {o.Concurrency} writers | {PlainInsert.Requests} | {PlainInsert.PerSecond:F0} | {PlainInsert.P50:F1} | {PlainInsert.P99:F1} | {PlainInsert.Max:F1} | | |");
        text.AppendLine();
        text.AppendLine("By event type (count / p50 / p99 ms):");
        text.AppendLine();
        var types = Phases.SelectMany(p => p.ByEventType.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        text.AppendLine("| phase | " + string.Join(" | ", types) + " |");
        text.AppendLine("|---|" + string.Concat(types.Select(_ => "---:|")));
        foreach (var phase in Phases)
        {
            text.AppendLine($"| {phase.Phase} | " + string.Join(" | ", types.Select(t => phase.ByEventType.TryGetValue(t, out var s) && s.Requests > 0 ? string.Create(CultureInfo.InvariantCulture, $"{s.Requests} / {s.P50:F1} / {s.P99:F1}") : "0")) + " |");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Steady phase, worst latency (ms) of the events due in each second: {string.Join(' ', SteadyWorstBySecond)}.");
        text.AppendLine();
        var e = EndState;
        text.AppendLine(CultureInfo.InvariantCulture, $"End state: **{e.Right} of {e.Customers} customers right** ({e.Lost} lost, {e.Doubled} doubled, {e.WrongState} in another state); {e.EventsStored} of {e.EventsSent} events stored; {Refused} events refused (4xx), {Conflicts} answered 409 `concurrent-change` and resent, {GivenUp} given up after resending for {o.ResendForSeconds} s.");
        foreach (var example in e.Examples)
        {
            text.AppendLine("- " + example);
        }

        return text.ToString();
    }
}
