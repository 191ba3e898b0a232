using Microsoft.EntityFrameworkCore;
using RuleSuspension.Testing;

namespace RuleSuspension.Persistence.Tests;

/// <summary>A migrated database on the configured provider (SQLite file, or a fresh PostgreSQL database).</summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "rs-persistence-tests", Guid.NewGuid().ToString("N"));
    private TestDatabase? _database;

    public DatabaseProvider Provider => _database!.Provider;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        Directory.CreateDirectory(_directory);
        await using var db = Context();
        await db.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    public RuleSuspensionDb Context() => _database!.Provider == DatabaseProvider.PostgreSql
        ? new PostgresRuleSuspensionDb(new DbContextOptionsBuilder<PostgresRuleSuspensionDb>().UseNpgsql(new DatabaseSettings { Provider = DatabaseProvider.PostgreSql, ConnectionString = _database.ConnectionString }.PostgresConnectionString()).Options)
        : new SqliteRuleSuspensionDb(new DbContextOptionsBuilder<SqliteRuleSuspensionDb>().UseSqlite($"Data Source={Path.Combine(_directory, "test.db")}").Options);
}
