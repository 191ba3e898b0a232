using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace RuleSuspension.Persistence;

// Used only by `dotnet ef migrations add` (see the README's "Migrations").
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRuleSuspensionDb>
{
    public SqliteRuleSuspensionDb CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<SqliteRuleSuspensionDb>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresRuleSuspensionDb>
{
    public PostgresRuleSuspensionDb CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<PostgresRuleSuspensionDb>().UseNpgsql("Host=localhost;Database=design").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerRuleSuspensionDb>
{
    public SqlServerRuleSuspensionDb CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<SqlServerRuleSuspensionDb>().UseSqlServer("Server=localhost;Database=design").Options);
}
