using System.Diagnostics;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using RuleSuspension.Application;
using RuleSuspension.Application.Decisions;
using RuleSuspension.Application.Jobs;
using RuleSuspension.Application.RuleSets;
using RuleSuspension.Application.Workflows;
using RuleSuspension.Domain.Jobs;
using RuleSuspension.Domain.Suspensions;
using RuleSuspension.Infrastructure;
using RuleSuspension.Persistence;

namespace RuleSuspension.Benchmarks.OverdueCheck;

/// <summary>
/// Seeds 1,000,000 customers and 3,000,000 invoices (100,000 customers with an invoice 45 days overdue, so past the
/// 30 grace days: every one of them is suspended through the overdue-invoices workflow), runs the overdue check once,
/// and prints customers per second, wall time and peak memory. Not part of the test run.
/// Usage: <c>dotnet run -c Release --project tests/RuleSuspension.Benchmarks -- --overdue sqlite|postgres [connection string] [customers] [on|off|both] [copy|ef]</c>
/// (decision records; <c>both</c> runs the check without and then with them on two databases seeded alike; <c>ef</c>
/// writes every row through EF's save instead of set-based, <c>OverdueCheck:SetBasedWrites</c> false).
/// </summary>
public static class OverdueCheckBenchmark
{
    internal static readonly DateOnly AsOf = new(2026, 3, 1);

    public static async Task RunAsync(string[] args)
    {
        // "both": the same check on two databases seeded alike, without and then with decision records.
        var modes = args.ElementAtOrDefault(3) switch
        {
            "both" => new[] { false, true },
            "off" => [false],
            _ => [true],
        };
        var seconds = new List<double>();
        foreach (var records in modes)
        {
            seconds.Add(await RunOnceAsync(args, records));
        }

        if (seconds.Count == 2)
        {
            Console.WriteLine();
            Console.WriteLine($"## Decision records cost: {seconds[1]:F1} s with, {seconds[0]:F1} s without: {(seconds[1] / seconds[0] - 1) * 100:+0.0;-0.0} %");
        }
    }

    private static async Task<double> RunOnceAsync(string[] args, bool records)
    {
        var (services, provider) = await SeedAsync(args, records);
        var runId = Guid.NewGuid();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RuleSuspensionDb>();
            db.OverdueCheckRuns.Add(new OverdueCheckRun(runId, "manual", "benchmark", DateTimeOffset.UtcNow, AsOf, null, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        GC.Collect();
        var before = Process.GetCurrentProcess().WorkingSet64;
        var watch = Stopwatch.StartNew();
        OverdueCheckRun run;
        await using (var scope = services.CreateAsyncScope())
        {
            run = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RunOverdueCheck(runId, "benchmark"), default);
        }

        watch.Stop();
        var process = Process.GetCurrentProcess();
        await using (var scope = services.CreateAsyncScope())
        {
            var recorded = await scope.ServiceProvider.GetRequiredService<RuleSuspensionDb>().DecisionRecords.CountAsync();
            Console.WriteLine();
            var writes = scope.ServiceProvider.GetRequiredService<OverdueCheckOptions>().SetBasedWrites ? "set-based where the database has a way" : "EF's save";
            Console.WriteLine($"## Overdue check on {provider}, decision records {(records ? "on" : "off")}, new rows through {writes}: {run.Status}");
            Console.WriteLine($"checked {run.Checked:N0}, warned {run.Warned:N0}, suspended {run.Suspended:N0}, failed {run.Failed:N0}, decisions recorded {recorded:N0}");
        }

        Console.WriteLine($"wall time {watch.Elapsed.TotalSeconds:F1} s, {run.Checked / watch.Elapsed.TotalSeconds:F0} customers/s");
        Console.WriteLine($"peak working set {process.PeakWorkingSet64 / 1024 / 1024} MB (working set before the check {before / 1024 / 1024} MB), GC heap now {GC.GetTotalMemory(false) / 1024 / 1024} MB");
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RuleSuspensionDb>().Database.EnsureDeletedAsync();
        }

        await services.DisposeAsync();
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>The services on a fresh database with the shipped rule sets and workflows, and the seeded book.</summary>
    internal static async Task<(ServiceProvider Services, DatabaseProvider Provider)> SeedAsync(string[] args, bool records = true)
    {
        var provider = args.Length > 0 && args[0].StartsWith("postgres", StringComparison.OrdinalIgnoreCase) ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;
        var customers = args.Length > 2 && int.TryParse(args[2], out var n) ? n : 1_000_000;
        var directory = Path.Combine(Path.GetTempPath(), "rs-overdue-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        // Each run seeds a database of its own (a directory on SQLite, a new database on PostgreSQL), so "both" compares
        // two books seeded alike.
        var settings = new DatabaseSettings
        {
            Provider = provider,
            ConnectionString = provider == DatabaseProvider.PostgreSql
                ? new NpgsqlConnectionStringBuilder(args.ElementAtOrDefault(1)) { Database = "rs_overdue_" + Guid.NewGuid().ToString("N")[..12] }.ConnectionString
                : null,
        };

        var services = new ServiceCollection()
            .AddLogging(l => l.AddProvider(new ConsoleLines()).SetMinimumLevel(LogLevel.Information).AddFilter("Microsoft", LogLevel.Warning).AddFilter("RuleSuspension.Application.Workflows", LogLevel.Warning))
            .AddSingleton(SuspensionPolicy.Default)
            .AddSingleton(new OverdueCheckOptions { SetBasedWrites = args.ElementAtOrDefault(4) != "ef" })
            .AddSingleton(new DecisionRecordOptions { Record = records })
            .AddRuleSuspensionDb(settings, directory)
            .AddRuleSuspensionApplication()
            .AddRuleSuspensionInfrastructure()
            .BuildServiceProvider();

        var workflows = Path.Combine(Repository(), "workflows");
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RuleSuspensionDb>();
            await db.MigrateAsync();
            await scope.ServiceProvider.GetRequiredService<LoadShippedRuleSets>().LoadAsync(Path.Combine(workflows, "rulesets"), default);
            await scope.ServiceProvider.GetRequiredService<LoadShippedWorkflows>().LoadAsync(workflows, default);
            var seed = Stopwatch.StartNew();
            await Seed.RunAsync(db, customers, AsOf);
            Console.WriteLine($"Seeded {customers:N0} customers and {customers * 3:N0} invoices ({customers / 10:N0} overdue) on {provider} in {seed.Elapsed.TotalSeconds:F1} s");
        }

        return (services, provider);
    }

    private static string Repository()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RuleSuspension.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("RuleSuspension.sln not found.");
    }

    private sealed class ConsoleLines : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Lines();

        public void Dispose()
        {
        }

        private sealed class Lines : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                => Console.WriteLine($"[{DateTime.Now:HH:mm:ss} {logLevel}] {formatter(state, exception)}{(exception is null ? "" : " " + exception.Message)}");
        }
    }
}
