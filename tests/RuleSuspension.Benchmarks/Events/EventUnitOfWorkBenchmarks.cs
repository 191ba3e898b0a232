using System.Diagnostics;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RuleSuspension.Application;
using RuleSuspension.Application.Events;
using RuleSuspension.Application.RuleSets;
using RuleSuspension.Application.Workflows;
using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Suspensions;
using RuleSuspension.Infrastructure;
using RuleSuspension.Load;
using RuleSuspension.Persistence;

namespace RuleSuspension.Benchmarks.Events;

/// <summary>
/// One event's unit of work as the server runs it: <c>IngestEvent</c> sent through the real mediator (validation, the
/// ingestion gate, the customer's lock, the handlers, the workflows, the one save and commit) in a scope of its own,
/// with the load tool's mixed stories (<c>StoryCatalogue</c>: every customer's events in order) on a fresh database
/// with the shipped rule sets and workflows: a SQLite file in a temp directory, and PostgreSQL when
/// <c>RS_TEST_POSTGRES</c> is set. One invocation sends the next <see cref="EventsPerInvoke"/> events of the stream;
/// the figures are per event. Usage: <c>dotnet run -c Release --project tests/RuleSuspension.Benchmarks -- --filter '*EventUnitOfWork*'</c>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Short))]
public class EventUnitOfWorkBenchmarks
{
    private const int EventsPerInvoke = 200;

    private static readonly Actor Host = Actor.Person("benchmark", Role.Integration);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Queue<TrafficEvent> _events = new();
    private readonly List<double> _cpuPerEvent = [];
    private TimeSpan _cpuAtStart;
    private ServiceProvider _services = null!;
    private StoryCatalogue _stories = null!;
    private string? _directory;

    [ParamsSource(nameof(Databases))]
    public DatabaseProvider Database { get; set; }

    /// <summary><c>Database:AddedRowsByStatement</c>: the added rows by the service's own prepared inserts (true) or EF's save.</summary>
    [Params(false, true)]
    public bool AddedRowsByStatement { get; set; }

    /// <summary>SQLite always; PostgreSQL only where <c>RS_TEST_POSTGRES</c> names one (said once when it does not).</summary>
    public static IEnumerable<DatabaseProvider> Databases()
    {
        yield return DatabaseProvider.Sqlite;
        if (PostgresConnection() is null)
        {
            Console.WriteLine("// PostgreSQL skipped: RS_TEST_POSTGRES is not set");
            yield break;
        }

        yield return DatabaseProvider.PostgreSql;
    }

    // Synchronous: the in-process toolchain does not wait for an asynchronous set-up.
    [GlobalSetup]
    public void Setup() => SetUpAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup()
    {
        // This process's CPU (the service's side: not PostgreSQL's), less moved by a busy machine than the wall clock.
        _cpuPerEvent.Sort();
        Console.WriteLine($"// CPU per event ({Database}, AddedRowsByStatement={AddedRowsByStatement}): median {_cpuPerEvent[_cpuPerEvent.Count / 2]:F3} ms over {_cpuPerEvent.Count} iterations (min {_cpuPerEvent[0]:F3}, max {_cpuPerEvent[^1]:F3})");
        CleanUpAsync().GetAwaiter().GetResult();
    }

    // With an iteration set-up each iteration is one invocation: EventsPerInvoke events.
    [IterationSetup]
    public void StartIteration() => _cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;

    [IterationCleanup]
    public void EndIteration() => _cpuPerEvent.Add((Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart).TotalMilliseconds / EventsPerInvoke);

    private async Task SetUpAsync()
    {
        _directory = Path.Combine(Path.GetTempPath(), "rs-event-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        var settings = new DatabaseSettings
        {
            Provider = Database,
            AddedRowsByStatement = AddedRowsByStatement,
            ConnectionString = Database == DatabaseProvider.PostgreSql
                ? new NpgsqlConnectionStringBuilder(PostgresConnection()) { Database = "rs_event_" + Guid.NewGuid().ToString("N")[..12] }.ConnectionString
                : null,
        };
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(SuspensionPolicy.Default)
            .AddRuleSuspensionDb(settings, _directory)
            .AddRuleSuspensionApplication()
            .AddRuleSuspensionInfrastructure()
            .BuildServiceProvider();
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RuleSuspensionDb>().MigrateAsync();
        var shipped = Path.Combine(AppContext.BaseDirectory, "workflows");
        await scope.ServiceProvider.GetRequiredService<LoadShippedRuleSets>().LoadAsync(Path.Combine(AppContext.BaseDirectory, "rulesets"), default);
        await scope.ServiceProvider.GetRequiredService<LoadShippedWorkflows>().LoadAsync(shipped, default);
        _stories = new StoryCatalogue(Guid.NewGuid().ToString("N")[..8], seed: 14);
    }

    private async Task CleanUpAsync()
    {
        await using (var scope = _services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RuleSuspensionDb>().Database.EnsureDeletedAsync();
        }

        await _services.DisposeAsync();
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public async Task IngestEvent()
    {
        for (var i = 0; i < EventsPerInvoke; i++)
        {
            var e = NextEvent();
            var envelope = new EventEnvelope(e.Id, e.Type, e.OccurredAt, e.CustomerId, JsonSerializer.SerializeToElement(e.Data, Json));
            await using var scope = _services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new IngestEvent(envelope, Host));
            if (result.Outcome != IngestOutcome.Processed)
            {
                throw new InvalidOperationException($"Event {e.Id} was answered {result.Outcome}.");
            }
        }
    }

    /// <summary>The stories' events one after another, each customer's in its order, drawn as they are needed.</summary>
    private TrafficEvent NextEvent()
    {
        if (_events.Count == 0)
        {
            foreach (var e in _stories.Next().Events)
            {
                _events.Enqueue(e);
            }
        }

        return _events.Dequeue();
    }

    private static string? PostgresConnection() => Environment.GetEnvironmentVariable("RS_TEST_POSTGRES") is { Length: > 0 } cs ? cs : null;

    /// <summary>
    /// Short: three warm-up and ten measured iterations (each <see cref="EventsPerInvoke"/> events), in this process (the database
    /// and its services are set up once per case; building a separate process would add nothing but minutes).
    /// </summary>
    private sealed class Short : ManualConfig
    {
        public Short() => AddJob(Job.ShortRun.WithWarmupCount(3).WithIterationCount(10).WithLaunchCount(1).WithToolchain(InProcessEmitToolchain.Instance));
    }
}
