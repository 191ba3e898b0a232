using Npgsql;
using RuleSuspension.Persistence;

namespace RuleSuspension.Testing;

/// <summary>
/// The database a test server runs on: SQLite in a temporary directory by default, or a fresh database on the
/// PostgreSQL server named by <c>RS_TEST_POSTGRES</c> when <c>RS_TEST_DATABASE=PostgreSql</c> (the test script sets both).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _postgresAdmin;

    private TestDatabase(DatabaseProvider provider, string? connectionString, string? postgresAdmin, string name)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _postgresAdmin = postgresAdmin;
        Name = name;
    }

    public DatabaseProvider Provider { get; }

    public string? ConnectionString { get; }

    public string Name { get; }

    public static DatabaseProvider ConfiguredProvider
        => Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable("RS_TEST_DATABASE"), ignoreCase: true, out var p) ? p : DatabaseProvider.Sqlite;

    public static async Task<TestDatabase> CreateAsync()
    {
        var name = "rs_test_" + Guid.NewGuid().ToString("N")[..12];
        if (ConfiguredProvider != DatabaseProvider.PostgreSql)
        {
            return new TestDatabase(DatabaseProvider.Sqlite, null, null, name);
        }

        var admin = Environment.GetEnvironmentVariable("RS_TEST_POSTGRES")
            ?? throw new InvalidOperationException("RS_TEST_DATABASE=PostgreSql needs RS_TEST_POSTGRES, a connection string to a PostgreSQL server (the test script starts one).");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(DatabaseProvider.PostgreSql, builder.ConnectionString, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresAdmin is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_postgresAdmin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
