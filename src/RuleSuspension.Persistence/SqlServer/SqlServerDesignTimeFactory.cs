using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace RuleSuspension.Persistence;

// Used only by `dotnet ef migrations add` (see the README's "Migrations"); one per database, each in its folder.
internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerRuleSuspensionDb>
{
    public SqlServerRuleSuspensionDb CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<SqlServerRuleSuspensionDb>().UseSqlServer("Server=localhost;Database=design").Options);
}
