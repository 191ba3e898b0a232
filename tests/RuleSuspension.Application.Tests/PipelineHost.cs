using System.Collections.Concurrent;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RuleSuspension.Application;
using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Customers;
using RuleSuspension.Domain.Suspensions;
using RuleSuspension.Infrastructure;
using RuleSuspension.Persistence;
using RuleSuspension.Testing;

namespace RuleSuspension.Application.Tests;

/// <summary>
/// The application's services as the server composes them (mediator, behaviours, validators, adapters) on a fresh
/// migrated database of the configured provider, with every log record kept for the specs to read.
/// </summary>
public sealed class PipelineHost : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly string _directory;
    private readonly ServiceProvider _services;
    private readonly ConcurrentQueue<LogRecord> _logs;

    private PipelineHost(TestDatabase database, string directory, ServiceProvider services, ConcurrentQueue<LogRecord> logs)
    {
        _database = database;
        _directory = directory;
        _services = services;
        _logs = logs;
    }

    public static readonly Actor Person = Actor.Person("tests", Role.SuperAdmin);

    /// <param name="replace">Changes to the services after the application's (a substitute handler).</param>
    public static async Task<PipelineHost> StartAsync(Action<IServiceCollection>? replace = null)
    {
        var database = await TestDatabase.CreateAsync();
        var directory = Path.Combine(Path.GetTempPath(), "rs-application-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var logs = new ConcurrentQueue<LogRecord>();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(new RecordingLoggerProvider(logs)));
        services.AddRuleSuspensionDb(new DatabaseSettings { Provider = database.Provider, ConnectionString = database.ConnectionString }, directory);
        services.AddSingleton(SuspensionPolicy.Default);
        services.AddRuleSuspensionApplication();
        services.AddRuleSuspensionInfrastructure();
        replace?.Invoke(services);
        var provider = services.BuildServiceProvider();
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RuleSuspensionDb>().MigrateAsync();
        }

        return new PipelineHost(database, directory, provider, logs);
    }

    /// <summary>Every log record so far.</summary>
    public IReadOnlyList<LogRecord> Logs => [.. _logs];

    /// <summary>Sends <paramref name="command"/> in a scope of its own, as one HTTP request does.</summary>
    public async Task<TResult> SendAsync<TResult>(ICommand<TResult> command)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    /// <summary>A context of its own on the database, to look at what was committed.</summary>
    public RuleSuspensionDb Database() => _database.Context(_directory);

    public IServiceScope Scope() => _services.CreateScope();

    public async Task AddCustomerAsync(string id)
    {
        await using var db = Database();
        db.Customers.Add(NewCustomer(id, "Acme"));
        await db.SaveChangesAsync();
    }

    public static Customer NewCustomer(string id, string name)
        => new(id, Profile(name), Person, DateTimeOffset.UtcNow);

    public static CustomerProfile Profile(string name) => new("t-1", name, "billing@acme.test", "pro", [], true, false, []);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    public sealed record LogRecord(string Category, LogLevel Level, string Message);

    private sealed class RecordingLoggerProvider(ConcurrentQueue<LogRecord> records) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new RecordingLogger(categoryName, records);

        public void Dispose()
        {
        }
    }

    private sealed class RecordingLogger(string category, ConcurrentQueue<LogRecord> records) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => records.Enqueue(new LogRecord(category, logLevel, formatter(state, exception)));
    }
}
