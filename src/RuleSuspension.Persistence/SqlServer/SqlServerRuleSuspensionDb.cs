using Microsoft.EntityFrameworkCore;
using RuleSuspension.Persistence.SqlServer;

namespace RuleSuspension.Persistence;

/// <summary>SQL Server: several nodes may share one database, as on PostgreSQL.</summary>
public sealed class SqlServerRuleSuspensionDb(DbContextOptions<SqlServerRuleSuspensionDb> options) : RuleSuspensionDb(options)
{
    public override IDatabaseDialect Dialect => SqlServerDialect.Instance;
}
