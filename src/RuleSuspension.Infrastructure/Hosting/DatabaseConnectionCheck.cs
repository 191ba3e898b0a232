using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RuleSuspension.Persistence;

namespace RuleSuspension.Infrastructure.Hosting;

/// <summary>
/// Before anything starts (the server, a CLI verb): one connection to the database, so that an unreachable one stops
/// the start with one line naming the provider and where it was looked for, not a stack of exceptions.
/// </summary>
public static class DatabaseConnectionCheck
{
    public static async Task<bool> ReachableAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RuleSuspensionDb>();
        try
        {
            // Asks whether the database exists: a server that answers "no" is reachable (the migrations create it).
            await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (Unreachable(e) is { } unreachable)
        {
            var location = db.Dialect.Location(db.Database.GetConnectionString() ?? string.Empty);
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseConnectionCheck))
                .LogCritical("Cannot start: the {Provider} database at {Location} cannot be reached: {Reason}", db.Dialect.Provider, location, FirstLine(unreachable.Message));
            return false;
        }
    }

    /// <summary>The provider's own error, also when its execution strategy wrapped it.</summary>
    private static DbException? Unreachable(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is DbException db)
            {
                return db;
            }
        }

        return null;
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
