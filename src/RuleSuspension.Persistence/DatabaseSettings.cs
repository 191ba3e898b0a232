using System.Data.Common;
using Npgsql;

namespace RuleSuspension.Persistence;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseSettings
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite, defaults to a file in the data directory.</summary>
    public string? ConnectionString { get; set; }

    public string SqliteConnectionString(string dataDirectory)
        => ConnectionString is { Length: > 0 } cs ? cs : $"Data Source={Path.Combine(dataDirectory, "rulesuspension.db")}";

    /// <summary>
    /// The PostgreSQL connection string, tuned for the service unless the operator wrote otherwise: statements are
    /// prepared automatically (every event runs the same couple of dozen statements; unprepared, PostgreSQL parsed and
    /// planned each one every time, 40 % of its CPU under load), and a pooled connection is not reset when it is
    /// returned (the service keeps no session state: its locks are transaction-scoped; the reset cost six statements
    /// per request).
    /// </summary>
    public string PostgresConnectionString()
    {
        var given = ConnectionString is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException("Database:ConnectionString is required when Database:Provider is PostgreSql.");
        var builder = new NpgsqlConnectionStringBuilder(given);
        // Npgsql's builder knows every keyword (ContainsKey is always true); the plain one tells what was written.
        var written = new DbConnectionStringBuilder { ConnectionString = given };
        bool Written(string keyword) => written.ContainsKey(keyword) || written.ContainsKey(keyword.Replace(" ", string.Empty));
        if (!Written("Max Auto Prepare"))
        {
            builder.MaxAutoPrepare = 128;
            builder.AutoPrepareMinUsages = 2;
        }

        if (!Written("No Reset On Close"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }
}

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
