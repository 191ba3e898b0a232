using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace RuleSuspension.Persistence;

/// <summary>The embedded default: one SQLite file under the data directory.</summary>
public sealed class SqliteRuleSuspensionDb(DbContextOptions<SqliteRuleSuspensionDb> options) : RuleSuspensionDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // SQLite has no timestamp type; storing UTC ticks keeps ordering and comparison in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
