using System.CommandLine;
using RuleSuspension.Persistence;
using RuleSuspension.Server.Hosting;

namespace RuleSuspension.Server.Cli;

internal static class MigrateVerb
{
    public static Command Create()
    {
        var command = new Command("migrate", "Apply the database migrations and exit.") { TreatUnmatchedTokensAsErrors = false };
        command.SetAction(async (result, ct) =>
        {
            await using var app = ServerApp.Build(Verbs.ConfigurationArguments(result));
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RuleSuspensionDb>();
            var pending = (await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetPendingMigrationsAsync(db.Database, ct)).ToList();
            await db.MigrateAsync(ct);
            Console.WriteLine(pending.Count == 0 ? "The database is up to date." : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}");
            return 0;
        });
        return command;
    }
}
