using Microsoft.EntityFrameworkCore;

namespace RuleSuspension.Persistence.Tests;

public class MigrationSpecs
{
    [Fact]
    public void Sqlite_migrations_cover_the_model()
    {
        using var db = new SqliteRuleSuspensionDb(new DbContextOptionsBuilder<SqliteRuleSuspensionDb>().UseSqlite("Data Source=:memory:").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: run scripts/add-migration.sh NAME.");
    }

    [Fact]
    public void PostgreSql_migrations_cover_the_model()
    {
        using var db = new PostgresRuleSuspensionDb(new DbContextOptionsBuilder<PostgresRuleSuspensionDb>().UseNpgsql("Host=unused").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: run scripts/add-migration.sh NAME.");
    }

    [Fact]
    public void SqlServer_migrations_cover_the_model()
    {
        using var db = new SqlServerRuleSuspensionDb(new DbContextOptionsBuilder<SqlServerRuleSuspensionDb>().UseSqlServer("Server=unused").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: run scripts/add-migration.sh NAME.");
    }

    [Fact]
    public void SqlServer_has_the_same_migrations_as_Sqlite()
    {
        using var sqlite = new SqliteRuleSuspensionDb(new DbContextOptionsBuilder<SqliteRuleSuspensionDb>().UseSqlite("Data Source=:memory:").Options);
        using var sqlServer = new SqlServerRuleSuspensionDb(new DbContextOptionsBuilder<SqlServerRuleSuspensionDb>().UseSqlServer("Server=unused").Options);

        Assert.Equal(Names(sqlite), Names(sqlServer));
    }

    private static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[15..]);

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        using var sqlite = new SqliteRuleSuspensionDb(new DbContextOptionsBuilder<SqliteRuleSuspensionDb>().UseSqlite("Data Source=:memory:").Options);
        using var postgres = new PostgresRuleSuspensionDb(new DbContextOptionsBuilder<PostgresRuleSuspensionDb>().UseNpgsql("Host=unused").Options);

        Assert.Equal(Names(sqlite), Names(postgres));
    }
}
