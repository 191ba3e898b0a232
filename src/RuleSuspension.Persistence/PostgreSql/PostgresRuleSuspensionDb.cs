using Microsoft.EntityFrameworkCore;
using RuleSuspension.Persistence.PostgreSql;

namespace RuleSuspension.Persistence;

/// <summary>The real server: several nodes may share one PostgreSQL database.</summary>
public sealed class PostgresRuleSuspensionDb(DbContextOptions<PostgresRuleSuspensionDb> options) : RuleSuspensionDb(options)
{
    public override IDatabaseDialect Dialect => PostgreSqlDialect.Instance;
}
