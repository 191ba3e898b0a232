using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using RuleSuspension.Testing;

namespace RuleSuspension.Load;

/// <summary>
/// The run's database: a new, empty PostgreSQL database (dropped at the end), or for SQLite the file the server
/// creates in its own new data directory. Nothing is prepared in it: the server migrates it at start, as in a deploy.
/// </summary>
internal sealed class LoadDatabase
{
    private readonly string? _postgresAdmin;
    private readonly string? _name;

    private LoadDatabase(string provider, string? postgresAdmin, string? name, string? connectionString)
    {
        Provider = provider;
        _postgresAdmin = postgresAdmin;
        _name = name;
        ServerConnectionString = connectionString;
    }

    public string Provider { get; }

    /// <summary>What the server is given (null on SQLite: the server's default file in its data directory).</summary>
    public string? ServerConnectionString { get; }

    public static async Task<LoadDatabase> CreateAsync(LoadOptions options, string run)
    {
        if (options.Database != "PostgreSql")
        {
            return new LoadDatabase(options.Database, null, null, null);
        }

        var name = $"rs_load_{run}";
        await using (var admin = new NpgsqlConnection(options.PostgresAdmin))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin).ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(options.PostgresAdmin) { Database = name, MaxPoolSize = 200 }.ConnectionString;
        return new LoadDatabase(options.Database, options.PostgresAdmin, name, connectionString);
    }

    public string ClientConnectionString(ServerProcess server)
        => ServerConnectionString ?? $"Data Source={Path.Combine(server.DataDirectory, "rulesuspension.db")}";

    public Func<DbConnection> Opener(string connectionString) => Provider == "PostgreSql"
        ? () => new NpgsqlConnection(connectionString)
        : () => new SqliteConnection(connectionString);

    public async Task DropAsync()
    {
        if (_name is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_postgresAdmin);
        await admin.OpenAsync();
        await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", admin).ExecuteNonQueryAsync();
    }
}
