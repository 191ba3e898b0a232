using System.CommandLine;
using RuleSuspension.Infrastructure.Hosting;

namespace RuleSuspension.Server.Cli;

internal static class MigrateVerb
{
    public static Command Create()
    {
        var command = new Command("migrate", "Apply the database migrations (and load the shipped rule sets), then exit.") { TreatUnmatchedTokensAsErrors = false };
        command.SetAction((result, ct) => Verbs.WithServices(result, ct, async services =>
        {
            var applied = await DatabaseInitializer.AppliedMigrationsAsync(services, ct);
            Console.WriteLine($"The database is up to date ({applied} migrations applied).");
            return 0;
        }));
        return command;
    }
}
