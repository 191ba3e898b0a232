using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Persistence;

namespace RuleSuspension.Server.Cli;

internal static class MigrateVerb
{
    public static Command Create()
    {
        var command = new Command("migrate", "Apply the database migrations (and load the shipped rule sets), then exit.") { TreatUnmatchedTokensAsErrors = false };
        command.SetAction((result, ct) => Verbs.WithServices(result, ct, async services =>
        {
            var applied = (await services.GetRequiredService<RuleSuspensionDb>().Database.GetAppliedMigrationsAsync(ct)).Count();
            Console.WriteLine($"The database is up to date ({applied} migrations applied).");
            return 0;
        }));
        return command;
    }
}
