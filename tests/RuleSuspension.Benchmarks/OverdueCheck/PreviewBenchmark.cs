using System.Diagnostics;
using System.Text.Json;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using RuleSuspension.Application.RuleSets;

namespace RuleSuspension.Benchmarks.OverdueCheck;

/// <summary>
/// The what-if preview over the overdue check's seeded book (1,000,000 customers, 3,000,000 invoices, 100,000 of them 45
/// days overdue): graceDays 30 → 50 turns those 100,000 suspensions into warnings. Prints wall time and peak memory.
/// Usage: <c>dotnet run -c Release --project tests/RuleSuspension.Benchmarks -- --preview sqlite|postgres [connection string] [customers]</c>.
/// </summary>
public static class PreviewBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var (services, provider) = await OverdueCheckBenchmark.SeedAsync(args);
        GC.Collect();
        var before = Process.GetCurrentProcess().WorkingSet64;
        var watch = Stopwatch.StartNew();
        ParameterPreview preview;
        await using (var scope = services.CreateAsyncScope())
        {
            var values = new Dictionary<string, JsonElement> { ["graceDays"] = JsonSerializer.SerializeToElement(50) };
            preview = await scope.ServiceProvider.GetRequiredService<ISender>()
                .Send(new PreviewParameters("non-payment", values, OverdueCheckBenchmark.AsOf, Page: null, PageSize: null), default);
        }

        watch.Stop();
        var process = Process.GetCurrentProcess();
        Console.WriteLine();
        Console.WriteLine($"## What-if preview on {provider}: graceDays 30 -> 50 over {preview.Customers:N0} customers");
        Console.WriteLine($"current {string.Join(", ", preview.Current.Select(c => $"{c.Key} {c.Value:N0}"))}; proposed {string.Join(", ", preview.Proposed.Select(c => $"{c.Key} {c.Value:N0}"))}; changed {preview.Changed:N0}");
        Console.WriteLine($"wall time {watch.Elapsed.TotalSeconds:F1} s, {preview.Customers / watch.Elapsed.TotalSeconds:F0} customers/s (two evaluations each)");
        Console.WriteLine($"peak working set {process.PeakWorkingSet64 / 1024 / 1024} MB (working set before the preview {before / 1024 / 1024} MB), GC heap now {GC.GetTotalMemory(false) / 1024 / 1024} MB");
        await services.DisposeAsync();
    }
}
