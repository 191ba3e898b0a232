using Microsoft.Extensions.DependencyInjection;
using RuleSuspension.Persistence;
using RuleSuspension.Server.Tests.Infrastructure;
using RuleSuspension.Testing;

namespace RuleSuspension.Server.Tests.BadInput;

/// <summary>
/// The server as its own process (<see cref="ServerProcess"/>) on a fresh database: a request that kills the process
/// (a stack overflow cannot be caught) kills it, not the tests, so the crash cases can check that the server is still
/// serving. A case that stopped it starts a new one.
/// </summary>
public sealed class CrashTestServer : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "rs-crash-tests", Guid.NewGuid().ToString("N"));
    private TestDatabase? _database;
    private ServerProcess? _process;
    private ServiceProvider? _databaseServices;

    public string AdminKey { get; private set; } = string.Empty;

    /// <summary>Whether the process is still running.</summary>
    public bool IsRunning => _process is { IsRunning: true };

    public string Log => _process?.Log ?? string.Empty;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _databaseServices = new ServiceCollection()
            .AddRuleSuspensionDb(new DatabaseSettings { Provider = _database.Provider, ConnectionString = _database.ConnectionString }, _dataDirectory)
            .BuildServiceProvider();
        _process = await ServerProcess.StartAsync(new ServerProcessOptions
        {
            DataDirectory = _dataDirectory,
            Provider = _database.Provider,
            ConnectionString = _database.ConnectionString,
            Settings = new Dictionary<string, string> { ["Serilog:MinimumLevel:Default"] = "Warning" },
        });
        AdminKey = await _process.AdminKeyAsync();
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        if (_databaseServices is not null)
        {
            await _databaseServices.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Starts the server again unless it is serving (a previous case may have killed it).</summary>
    public async Task EnsureRunningAsync()
    {
        if (!IsRunning || !await IsHealthyAsync())
        {
            await _process!.RestartAsync();
        }
    }

    public HttpClient Client(string? key = null) => _process!.Client(key ?? AdminKey);

    /// <summary>The process's database, read from the tests.</summary>
    public async Task<DatabaseSnapshot> SnapshotAsync()
    {
        await using var scope = _databaseServices!.CreateAsyncScope();
        return await DatabaseSnapshot.TakeAsync(scope.ServiceProvider.GetRequiredService<RuleSuspensionDb>());
    }

    /// <summary>Whether the process answers <c>/health</c> with 200 within a few seconds (a dying process may still be listed as running).</summary>
    public Task<bool> IsHealthyAsync() => _process!.IsHealthyAsync();
}
