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
        settings.Dialect.AddContext(services, settings.EffectiveConnectionString(dataDirectory), o => Quiet(o));
        services.AddSingleton(settings);
        return services;
    }

    /// <summary>
    /// A failed statement or connection is not logged as an error by EF: the caller gets the exception and either
    /// expects it (a repeated event id meets the primary key) or lets it reach the error handler (or the start's
    /// connection check), which logs what is unexpected. Nor does a migration check the model against the migrations
    /// first (EF builds the whole design-time model for it on every start): <c>MigrationSpecs</c> check that in the build.
    /// </summary>
    private static DbContextOptionsBuilder Quiet(DbContextOptionsBuilder options)
        => options.ConfigureWarnings(w => w.Log(
            (RelationalEventId.CommandError, LogLevel.Debug),
            (RelationalEventId.ConnectionError, LogLevel.Debug),
            (CoreEventId.SaveChangesFailed, LogLevel.Debug))
            .Ignore(RelationalEventId.PendingModelChangesWarning));

    /// <summary>
    /// Creates a fresh database in one step where the provider can (<see cref="IDatabaseDialect.CreateIfFreshAsync"/>),
    /// or applies pending migrations, then what the provider needs beyond them (<see cref="IDatabaseDialect.AfterMigrateAsync"/>).
    /// </summary>
    public static async Task MigrateAsync(this RuleSuspensionDb db, CancellationToken cancellationToken = default)
    {
        if (!await db.Dialect.CreateIfFreshAsync(db, cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        await db.Dialect.AfterMigrateAsync(db, cancellationToken);
    }
}
