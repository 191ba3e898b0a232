using RuleSuspension.Testing;

namespace RuleSuspension.Persistence.Tests;

/// <summary>A migrated database on the configured provider (SQLite file, or a fresh PostgreSQL or SQL Server database).</summary>
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

    /// <summary>A context on the database, with the connection defaults the service uses.</summary>
    public RuleSuspensionDb Context() => _database!.Context(_directory);
}
