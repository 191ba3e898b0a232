using System.Data.Common;
using Microsoft.Data.SqlClient;
using Npgsql;
using RuleSuspension.Persistence;

namespace RuleSuspension.Testing;

/// <summary>
/// The database a test server runs on, chosen by <c>RS_TEST_DATABASE</c>: SQLite in a temporary directory by default;
/// with <c>PostgreSql</c>, a fresh database on the server named by <c>RS_TEST_POSTGRES</c>; with <c>SqlServer</c>, a
/// fresh database on the server named by <c>RS_TEST_SQLSERVER</c> (the test script sets them).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _admin;

    private TestDatabase(DatabaseProvider provider, string? connectionString, string? admin, string name)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _admin = admin;
        Name = name;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>Null on SQLite: the server's default file in its data directory.</summary>
    public string? ConnectionString { get; }

    public string Name { get; }

    public static DatabaseProvider ConfiguredProvider
        => Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable("RS_TEST_DATABASE"), ignoreCase: true, out var p) ? p : DatabaseProvider.Sqlite;

    public static async Task<TestDatabase> CreateAsync()
    {
        var name = "rs_test_" + Guid.NewGuid().ToString("N")[..12];
        switch (ConfiguredProvider)
        {
            case DatabaseProvider.PostgreSql:
            {
                var admin = Admin("RS_TEST_POSTGRES", "PostgreSql", "a PostgreSQL server (the test script starts one)");
                await ExecuteAsync(new NpgsqlConnection(admin), $"CREATE DATABASE \"{name}\"");
                return new TestDatabase(DatabaseProvider.PostgreSql, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString, admin, name);
            }

            case DatabaseProvider.SqlServer:
            {
                var admin = Admin("RS_TEST_SQLSERVER", "SqlServer", "a SQL Server (none can run on our build machines)");
                await ExecuteAsync(new SqlConnection(admin), $"CREATE DATABASE [{name}]");
                return new TestDatabase(DatabaseProvider.SqlServer, new SqlConnectionStringBuilder(admin) { InitialCatalog = name }.ConnectionString, admin, name);
            }

            default:
                return new TestDatabase(DatabaseProvider.Sqlite, null, null, name);
        }
    }

    /// <summary>A database several server processes can share: PostgreSQL or SQL Server, never SQLite.</summary>
    public static async Task<TestDatabase> CreateSharedAsync()
    {
        var database = await CreateAsync();
        return database.Provider != DatabaseProvider.Sqlite
            ? database
            : throw new InvalidOperationException(
                "These specs need a database server: set RS_TEST_DATABASE=PostgreSql with RS_TEST_POSTGRES (scripts/postgres.sh start prints one; ./test.sh sets it), or RS_TEST_DATABASE=SqlServer with RS_TEST_SQLSERVER.");
    }

    /// <summary>A context on this database; on SQLite, on <c>rulesuspension.db</c> in <paramref name="sqliteDirectory"/>.</summary>
    public RuleSuspensionDb Context(string sqliteDirectory)
    {
        var settings = new DatabaseSettings { Provider = Provider, ConnectionString = ConnectionString };
        return settings.Dialect.CreateContext(settings.EffectiveConnectionString(sqliteDirectory));
    }

    /// <summary>A database on the same server that does not exist (on SQLite, a file not yet created).</summary>
    public string MissingDatabaseConnectionString()
    {
        var missing = "rs_missing_" + Guid.NewGuid().ToString("N")[..12];
        return Provider switch
        {
            DatabaseProvider.PostgreSql => new NpgsqlConnectionStringBuilder(ConnectionString) { Database = missing }.ConnectionString,
            DatabaseProvider.SqlServer => new SqlConnectionStringBuilder(ConnectionString) { InitialCatalog = missing }.ConnectionString,
            _ => $"Data Source={Path.Combine(Path.GetTempPath(), "rs-missing", missing + ".db")}",
        };
    }

    public async ValueTask DisposeAsync()
    {
        switch (Provider)
        {
            case DatabaseProvider.PostgreSql:
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync(new NpgsqlConnection(_admin), $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
                break;
            case DatabaseProvider.SqlServer:
                SqlConnection.ClearAllPools();
                await ExecuteAsync(new SqlConnection(_admin), $"IF DB_ID(N'{Name}') IS NOT NULL BEGIN ALTER DATABASE [{Name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{Name}]; END");
                break;
        }
    }

    private static string Admin(string variable, string provider, string what)
        => Environment.GetEnvironmentVariable(variable) is { Length: > 0 } admin
            ? admin
            : throw new InvalidOperationException($"RS_TEST_DATABASE={provider} needs {variable}, a connection string to {what}.");

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using (connection)
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
    }
}
