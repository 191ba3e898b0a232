using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using RuleSuspension.Persistence.Sqlite;

namespace RuleSuspension.Persistence;

/// <summary>The embedded default: one SQLite file under the data directory.</summary>
public sealed class SqliteRuleSuspensionDb(DbContextOptions<SqliteRuleSuspensionDb> options) : RuleSuspensionDb(options)
{
    public override IDatabaseDialect Dialect => SqliteDialect.Instance;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // SQLite has no timestamp type; storing UTC ticks keeps ordering and comparison in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
