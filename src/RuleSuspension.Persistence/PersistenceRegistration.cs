using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RuleSuspension.Persistence;

public static class PersistenceRegistration
{
    /// <summary>Registers <see cref="RuleSuspensionDb"/> on the configured provider.</summary>
    public static IServiceCollection AddRuleSuspensionDb(this IServiceCollection services, DatabaseSettings settings, string dataDirectory)
    {
        switch (settings.Provider)
        {
            case DatabaseProvider.PostgreSql:
                var connectionString = settings.PostgresConnectionString();
                services.AddDbContextPool<PostgresRuleSuspensionDb>(o => Quiet(o.UseNpgsql(connectionString)));
                services.AddScoped<RuleSuspensionDb>(sp => sp.GetRequiredService<PostgresRuleSuspensionDb>());
                break;
            default:
                Directory.CreateDirectory(dataDirectory);
                var sqlite = settings.SqliteConnectionString(dataDirectory);
                services.AddDbContextPool<SqliteRuleSuspensionDb>(o => Quiet(o.UseSqlite(sqlite)));
                services.AddScoped<RuleSuspensionDb>(sp => sp.GetRequiredService<SqliteRuleSuspensionDb>());
                break;
        }

        services.AddSingleton(settings);
        return services;
    }

    /// <summary>
    /// A failed statement is not logged as an error by EF: the caller gets the exception and either expects it (a
    /// repeated event id meets the primary key) or lets it reach the error handler, which logs what is unexpected.
    /// </summary>
    private static DbContextOptionsBuilder Quiet(DbContextOptionsBuilder options)
        => options.ConfigureWarnings(w => w.Log(
            (RelationalEventId.CommandError, LogLevel.Debug),
            (CoreEventId.SaveChangesFailed, LogLevel.Debug)));

    /// <summary>Applies pending migrations; on SQLite also turns on write-ahead logging so readers never wait for the writer.</summary>
    public static async Task MigrateAsync(this RuleSuspensionDb db, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
