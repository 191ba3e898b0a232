namespace RuleSuspension.Persistence;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseSettings
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite, defaults to a file in the data directory; required on the other providers.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// True (the default): a customer's unit of work (an event's, a person's command's) writes its new rows with
    /// prepared <c>INSERT</c> statements of the service's own, all in one batch, before EF's save writes its updates
    /// (PostgreSQL; the same rows). False: EF's save writes them. SQLite and SQL Server always use EF's save.
    /// </summary>
    public bool AddedRowsByStatement { get; set; } = true;

    /// <summary>The provider's code: chosen here, once.</summary>
    public IDatabaseDialect Dialect => DatabaseDialects.For(Provider);

    /// <summary>The connection string the service uses: the operator's, with the provider's defaults where they wrote none.</summary>
    public string EffectiveConnectionString(string dataDirectory) => Dialect.ConnectionString(this, dataDirectory);

    /// <summary>The PostgreSQL connection string, tuned for the service (see <see cref="PostgreSql.PostgreSqlDialect.ConnectionString"/>).</summary>
    public string PostgresConnectionString() => PostgreSql.PostgreSqlDialect.Instance.ConnectionString(this, string.Empty);

    /// <summary>The SQL Server connection string, with the service's defaults (see <see cref="SqlServer.SqlServerDialect.ConnectionString"/>).</summary>
    public string SqlServerConnectionString() => SqlServer.SqlServerDialect.Instance.ConnectionString(this, string.Empty);

    internal string RequiredConnectionString() => ConnectionString is { Length: > 0 } cs
        ? cs
        : throw new InvalidOperationException($"Database:ConnectionString is required when Database:Provider is {Provider}.");
}

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
    SqlServer,
}
