using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RuleSuspension.Persistence;
using RuleSuspension.Infrastructure.Hosting;
using RuleSuspension.Testing;

namespace RuleSuspension.Server.Tests.Hosting;

/// <summary>A database that cannot be reached stops the start with one line naming the provider and where it was looked for.</summary>
public class DatabaseConnectionCheckSpecs
{
    private static async Task<(bool Reachable, IReadOnlyList<string> Lines)> Check(DatabaseProvider provider, string connectionString)
    {
        var lines = new List<string>();
        var services = new ServiceCollection()
            .AddLogging(l => l.AddProvider(new LineLoggerProvider(lines)))
            .AddRuleSuspensionDb(new DatabaseSettings { Provider = provider, ConnectionString = connectionString }, Path.GetTempPath())
            .BuildServiceProvider();
        await using (services)
        {
            return (await DatabaseConnectionCheck.ReachableAsync(services, default), lines);
        }
    }

    [Fact]
    public async Task An_unreachable_SqlServer_is_one_critical_line_naming_the_provider_and_the_host()
    {
        // Port 1 on the loopback: refused at once.
        var (reachable, lines) = await Check(DatabaseProvider.SqlServer, "Server=tcp:127.0.0.1,1;Database=rs;Connect Timeout=3;Connect Retry Count=0");

        Assert.False(reachable);
        var line = Assert.Single(lines);
        Assert.StartsWith("Critical: Cannot start: the SqlServer database at tcp:127.0.0.1,1 cannot be reached: ", line);
        Assert.DoesNotContain('\n', line);
    }

    [Fact]
    public async Task An_unreachable_PostgreSql_is_one_critical_line_naming_the_provider_and_the_host()
    {
        var (reachable, lines) = await Check(DatabaseProvider.PostgreSql, "Host=127.0.0.1;Port=1;Database=rs;Timeout=3");

        Assert.False(reachable);
        Assert.StartsWith("Critical: Cannot start: the PostgreSql database at 127.0.0.1:1 cannot be reached: ", Assert.Single(lines));
    }

    [Fact]
    public async Task A_reachable_server_without_the_database_yet_is_reachable()
    {
        await using var database = await TestDatabase.CreateAsync();

        var (reachable, lines) = await Check(database.Provider, database.MissingDatabaseConnectionString());

        Assert.True(reachable, string.Join(Environment.NewLine, lines));
    }

    [Fact]
    public void The_server_process_is_not_in_invariant_globalization_mode_which_SqlClient_refuses()
    {
        var runtimeConfig = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "RuleSuspension.Server.runtimeconfig.json")))!;

        Assert.False(runtimeConfig["runtimeOptions"]!["configProperties"]!["System.Globalization.Invariant"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_reachable_database_logs_nothing()
    {
        var directory = Path.Combine(Path.GetTempPath(), "rs-connection-check", Guid.NewGuid().ToString("N"));

        var (reachable, lines) = await Check(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(directory, "rs.db")}");

        Assert.True(reachable);
        Assert.Empty(lines);
    }

    /// <summary>Writes every log entry as "Level: message".</summary>
    private sealed class LineLoggerProvider(List<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new LineLogger(lines);

        public void Dispose()
        {
        }

        private sealed class LineLogger(List<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    lock (lines)
                    {
                        lines.Add($"{logLevel}: {formatter(state, exception)}");
                    }
                }
            }
        }
    }
}
