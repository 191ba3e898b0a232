using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace RuleSuspension.Persistence;

// Used only by `dotnet ef migrations add` (see the README's "Migrations"); one per database, each in its folder.
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresRuleSuspensionDb>
{
    public PostgresRuleSuspensionDb CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<PostgresRuleSuspensionDb>().UseNpgsql("Host=localhost;Database=design").Options);
}
