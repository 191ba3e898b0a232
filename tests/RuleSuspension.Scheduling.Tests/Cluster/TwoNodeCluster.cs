using RuleSuspension.Persistence;
using RuleSuspension.Testing;

namespace RuleSuspension.Scheduling.Tests.Cluster;

/// <summary>
/// Two server processes sharing a fresh database on the server <c>RS_TEST_DATABASE</c> names (PostgreSQL by
/// <c>RS_TEST_POSTGRES</c>, or SQL Server by <c>RS_TEST_SQLSERVER</c>), with a
/// check every two seconds and quick cluster check-ins so that a killed node's work is taken over within seconds.
/// </summary>
public sealed class TwoNodeCluster : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "rs-cluster", Guid.NewGuid().ToString("N"));
    private TestDatabase? _database;

    public ServerProcess First { get; private set; } = null!;

    public ServerProcess Second { get; private set; } = null!;

    public DatabaseProvider Provider { get; private set; }

    public string ConnectionString { get; private set; } = "";

    public string ApiKey { get; private set; } = "";

    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["OverdueCheck:Cron"] = "0/2 * * * * ?",
        ["Scheduling:CheckinInterval"] = "00:00:01",
        ["Scheduling:CheckinMisfireThreshold"] = "00:00:02",
        ["Scheduling:IdleWaitTime"] = "00:00:01",
        ["Scheduling:MisfireThreshold"] = "00:00:05",
    };

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateSharedAsync();
        Provider = _database.Provider;
        ConnectionString = _database.ConnectionString!;

        // The first node migrates the database and writes the first key; the second joins it.
        First = await ServerProcess.StartAsync(Node("node1"));
        ApiKey = await First.AdminKeyAsync();
        Second = await ServerProcess.StartAsync(Node("node2"));
    }

    private ServerProcessOptions Node(string name) => new()
    {
        DataDirectory = Path.Combine(_root, name), Provider = Provider, ConnectionString = ConnectionString, Settings = Settings,
    };

    public async Task DisposeAsync()
    {
        await First.DisposeAsync();
        await Second.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A log file may still be held briefly; the temporary directory is cleaned by the OS anyway.
        }
    }

    /// <summary>Runs a query on the shared database.</summary>
    public async Task<T> QueryAsync<T>(Func<RuleSuspensionDb, Task<T>> query)
    {
        await using var db = _database!.Context(_root);
        return await query(db);
    }

    public static async Task Eventually(Func<Task<bool>> condition, TimeSpan within, string what)
    {
        var deadline = DateTime.UtcNow + within;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Not in time: {what}");
            await Task.Delay(250);
        }
    }
}
