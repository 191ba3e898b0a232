namespace RuleSuspension.Persistence;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseSettings
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite, defaults to a file in the data directory.</summary>
    public string? ConnectionString { get; set; }

    public string SqliteConnectionString(string dataDirectory)
        => ConnectionString is { Length: > 0 } cs ? cs : $"Data Source={Path.Combine(dataDirectory, "rulesuspension.db")}";
}

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
