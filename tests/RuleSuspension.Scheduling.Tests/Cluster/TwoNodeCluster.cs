using Npgsql;

namespace RuleSuspension.Scheduling.Tests.Cluster;

/// <summary>
/// Two server processes sharing a fresh PostgreSQL database (on the server named by <c>RS_TEST_POSTGRES</c>), with a
/// check every two seconds and quick cluster check-ins so that a killed node's work is taken over within seconds.
/// </summary>
public sealed class TwoNodeCluster : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "rs-cluster", Guid.NewGuid().ToString("N"));
    private readonly string _database = "rs_cluster_" + Guid.NewGuid().ToString("N")[..12];
    private string _admin = "";

    public ServerNode First { get; private set; } = null!;

    public ServerNode Second { get; private set; } = null!;

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
        _admin = Environment.GetEnvironmentVariable("RS_TEST_POSTGRES") is { Length: > 0 } admin
            ? admin
            : throw new InvalidOperationException(
                "The cluster specs need a PostgreSQL server: set RS_TEST_POSTGRES to a connection string of one (scripts/postgres.sh start prints one; ./test.sh sets it).");
        await using (var connection = new NpgsqlConnection(_admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(_admin) { Database = _database }.ConnectionString;

        // The first node migrates the database and writes the first key; the second joins it.
        First = await ServerNode.StartAsync(ConnectionString, Path.Combine(_root, "node1"), Settings);
        ApiKey = (await File.ReadAllTextAsync(Path.Combine(First.DataDirectory, "admin.key"))).Trim();
        Second = await ServerNode.StartAsync(ConnectionString, Path.Combine(_root, "node2"), Settings);
    }

    public async Task DisposeAsync()
    {
        await First.DisposeAsync();
        await Second.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
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
    public async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
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
