using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Persistence.Migrations;
using RuleSuspension.Testing;

namespace RuleSuspension.Persistence.Tests;

/// <summary>
/// A fresh database is created by one script (<see cref="CreationScript"/>), a database with a history by EF's
/// migrator: both must end with the same schema and the same history, so that what comes later applies to both alike.
/// </summary>
public class CreationScriptSpecs : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "rs-persistence-tests", Guid.NewGuid().ToString("N"));
    private readonly List<TestDatabase> _databases = [];
    private readonly List<Func<RuleSuspensionDb>> _missingDatabases = [];

    public static TheoryData<string> ScriptedProviders => new() { nameof(DatabaseProvider.Sqlite), nameof(DatabaseProvider.PostgreSql) };

    [Theory]
    [MemberData(nameof(ScriptedProviders))]
    public void The_creation_script_is_what_the_migrations_generate(string provider)
    {
        using var db = Offline(Enum.Parse<DatabaseProvider>(provider));

        Assert.True(
            Normalised(CreationScript.Text(db.Dialect.Provider)) == Normalised(CreationScript.Generate(db)),
            $"Migrations/{provider}/Create.sql is out of date against the migrations: run scripts/add-migration.sh's script step (dotnet ef migrations script --no-transactions).");
    }

    [Fact]
    public async Task A_fresh_database_is_created_in_one_step_with_every_migration_in_its_history()
    {
        await using var db = await FreshContextAsync();

        var created = await db.Dialect.CreateIfFreshAsync(db, CancellationToken.None);

        // SQL Server keeps EF's migrator (SqlServerDialect.CreateIfFreshAsync): its database is not created by a script.
        Assert.Equal(db.Dialect.Provider != DatabaseProvider.SqlServer, created);
        if (created)
        {
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        }
    }

    [Fact]
    public async Task The_script_creates_the_schema_the_migrator_creates()
    {
        await using var scripted = await FreshContextAsync();
        await using var migrated = await FreshContextAsync();

        await scripted.MigrateAsync();
        await migrated.Database.MigrateAsync();

        Assert.Equal(await SchemaAsync(migrated), await SchemaAsync(scripted));
        Assert.Equal(await migrated.Database.GetAppliedMigrationsAsync(), await scripted.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task A_database_with_a_history_is_left_to_the_migrator()
    {
        await using var db = await FreshContextAsync();
        await db.Database.MigrateAsync();
        var before = await SchemaAsync(db);

        var created = await db.Dialect.CreateIfFreshAsync(db, CancellationToken.None);

        Assert.False(created);
        Assert.Equal(before, await SchemaAsync(db));
    }

    [Fact]
    public async Task Two_nodes_starting_on_one_fresh_database_create_it_once()
    {
        var database = await TestDatabase.CreateAsync();
        _databases.Add(database);
        var directory = Directory.CreateDirectory(Path.Combine(_directory, "shared")).FullName;
        await using var first = database.Context(directory);
        await using var second = database.Context(directory);

        await Task.WhenAll(first.MigrateAsync(), second.MigrateAsync());

        Assert.Equal(first.Database.GetMigrations(), await first.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task A_database_the_server_does_not_have_yet_is_created_and_filled()
    {
        var contexts = await MissingDatabaseAsync();
        await using var db = contexts();

        await db.MigrateAsync();

        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Nodes_starting_together_on_a_database_the_server_does_not_have_yet_all_start()
    {
        var contexts = await MissingDatabaseAsync();
        var nodes = Enumerable.Range(0, 6).Select(_ => contexts()).ToList();

        try
        {
            // Started at once, several nodes may find the database missing and each ask the server to create it.
            await Task.WhenAll(nodes.Select(node => Task.Run(() => node.MigrateAsync())));
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }

        await using var check = contexts();
        Assert.Equal(check.Database.GetMigrations(), await check.Database.GetAppliedMigrationsAsync());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }

        foreach (var contexts in _missingDatabases)
        {
            await using var db = contexts();
            await db.Database.EnsureDeletedAsync();
        }
    }

    /// <summary>
    /// Contexts on a database the configured server does not have yet (on SQLite, a file not yet there in an existing
    /// directory, as the server's data directory is); the database is dropped after the spec.
    /// </summary>
    private async Task<Func<RuleSuspensionDb>> MissingDatabaseAsync()
    {
        await using var server = await TestDatabase.CreateAsync();
        var settings = new DatabaseSettings
        {
            Provider = server.Provider,
            ConnectionString = server.Provider == DatabaseProvider.Sqlite ? null : server.MissingDatabaseConnectionString(),
        };
        var connectionString = settings.EffectiveConnectionString(Directory.CreateDirectory(Path.Combine(_directory, "missing")).FullName);
        RuleSuspensionDb Contexts() => settings.Dialect.CreateContext(connectionString);
        _missingDatabases.Add(Contexts);
        return Contexts;
    }

    /// <summary>A context on a database of its own on the configured provider, not yet created or migrated.</summary>
    private async Task<RuleSuspensionDb> FreshContextAsync()
    {
        var database = await TestDatabase.CreateAsync();
        _databases.Add(database);
        var directory = Directory.CreateDirectory(Path.Combine(_directory, database.Name)).FullName;
        return database.Context(directory);
    }

    private static RuleSuspensionDb Offline(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteRuleSuspensionDb(new DbContextOptionsBuilder<SqliteRuleSuspensionDb>().UseSqlite("Data Source=:memory:").Options),
        _ => new PostgresRuleSuspensionDb(new DbContextOptionsBuilder<PostgresRuleSuspensionDb>().UseNpgsql("Host=unused").Options),
    };

    private static string Normalised(string script) => script.TrimStart('\uFEFF').ReplaceLineEndings("\n").Trim();

    /// <summary>Every table, column, index and constraint as the database describes them, one line each, in order.</summary>
    private static async Task<List<string>> SchemaAsync(RuleSuspensionDb db)
    {
        var sql = db.Dialect.Provider switch
        {
            // EF's migrator keeps its lock in a table of its own; it is not part of the schema.
            DatabaseProvider.Sqlite =>
                "SELECT type || ' ' || name || ' on ' || tbl_name || ': ' || coalesce(sql, '') FROM sqlite_master " +
                "WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrationsLock%'",
            DatabaseProvider.PostgreSql =>
                "SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || coalesce(character_maximum_length::text, '') || ' nullable ' || is_nullable || ' default ' || coalesce(column_default, '') " +
                "FROM information_schema.columns WHERE table_schema = 'public' " +
                "UNION ALL SELECT indexname || ': ' || indexdef FROM pg_indexes WHERE schemaname = 'public' " +
                "UNION ALL SELECT c.conname || ' on ' || c.conrelid::regclass::text || ': ' || pg_get_constraintdef(c.oid) FROM pg_constraint c " +
                "JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public'",
            _ =>
                "SELECT TABLE_NAME + '.' + COLUMN_NAME + ' ' + DATA_TYPE + ' nullable ' + IS_NULLABLE FROM INFORMATION_SCHEMA.COLUMNS " +
                "UNION ALL SELECT CONSTRAINT_NAME + ' ' + CONSTRAINT_TYPE + ' on ' + TABLE_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS " +
                "UNION ALL SELECT i.name + ' on ' + OBJECT_NAME(i.object_id) FROM sys.indexes i WHERE OBJECTPROPERTY(i.object_id, 'IsUserTable') = 1 AND i.name IS NOT NULL",
        };
        var lines = new List<string>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
