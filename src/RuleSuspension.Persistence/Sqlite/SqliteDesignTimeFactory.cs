using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace RuleSuspension.Persistence;

// Used only by `dotnet ef migrations add` (see the README's "Migrations"); one per database, each in its folder.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRuleSuspensionDb>
{
    public SqliteRuleSuspensionDb CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<SqliteRuleSuspensionDb>().UseSqlite("Data Source=design.db").Options);
}
