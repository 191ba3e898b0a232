using RuleSuspension.Persistence.PostgreSql;
using RuleSuspension.Persistence.Sqlite;
using RuleSuspension.Persistence.SqlServer;

namespace RuleSuspension.Persistence;

/// <summary>The dialect of each provider: the one place that maps a <see cref="DatabaseProvider"/> to its code.</summary>
public static class DatabaseDialects
{
    public static IReadOnlyList<IDatabaseDialect> All { get; } = [SqliteDialect.Instance, PostgreSqlDialect.Instance, SqlServerDialect.Instance];

    public static IDatabaseDialect For(DatabaseProvider provider) => All.FirstOrDefault(d => d.Provider == provider)
        ?? throw new ArgumentOutOfRangeException(nameof(provider), provider, "Database:Provider must be Sqlite, PostgreSql or SqlServer.");
}
