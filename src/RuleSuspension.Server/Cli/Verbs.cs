using System.CommandLine;
using RuleSuspension.Application;
using RuleSuspension.Domain.Common;
using RuleSuspension.Infrastructure.Hosting;
using RuleSuspension.Rules.NRules;
using RuleSuspension.Server.Hosting;

namespace RuleSuspension.Server.Cli;

/// <summary>
/// The command line: <c>serve</c> (the default), <c>migrate</c>, <c>keys create</c>, <c>validate</c>, <c>simulate</c>, <c>demo</c>. Every verb also takes the
/// ASP.NET Core configuration arguments (<c>--Data:Directory=/x</c>, <c>--urls</c>, ...).
/// </summary>
internal static class Verbs
{
    public static RootCommand Root()
    {
        var root = new RootCommand("RuleSuspension: decides and manages customer suspensions.") { TreatUnmatchedTokensAsErrors = false };
        root.SetAction(Serve);

        var serve = new Command("serve", "Serve the API and the console (the default).") { TreatUnmatchedTokensAsErrors = false };
        serve.SetAction(Serve);
        root.Subcommands.Add(serve);
        root.Subcommands.Add(MigrateVerb.Create());
        root.Subcommands.Add(KeysVerb.Create());
        root.Subcommands.Add(ValidateVerb.Create());
        root.Subcommands.Add(SimulateVerb.Create());
        root.Subcommands.Add(DemoVerb.Create());
        return root;
    }

    /// <summary>The configuration arguments, without the verbs themselves.</summary>
    public static string[] ConfigurationArguments(ParseResult result)
        => result.UnmatchedTokens.ToArray();

    /// <summary>
    /// Runs a verb with the server's services on a prepared database (migrated, shipped rule sets loaded);
    /// refused input is printed as one line and exits with 1, and so is a database that cannot be reached.
    /// </summary>
    public static async Task<int> WithServices(ParseResult result, CancellationToken cancellationToken, Func<IServiceProvider, Task<int>> verb)
    {
        await using var app = ServerApp.Build(ConfigurationArguments(result));
        if (!await DatabaseConnectionCheck.ReachableAsync(app.Services, cancellationToken))
        {
            return 1;
        }

        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            await DatabaseInitializer.PrepareAsync(scope.ServiceProvider, app.Configuration, cancellationToken);
            return await verb(scope.ServiceProvider);
        }
        catch (Exception e) when (e is DomainException or InvalidDocumentException or ArgumentException or RuleAssemblyException)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }

    private static async Task<int> Serve(ParseResult result, CancellationToken cancellationToken)
    {
        Task<bool>? reachable = null;
        await using var app = ServerApp.Build(
            ConfigurationArguments(result), built => reachable = Task.Run(() => DatabaseConnectionCheck.ReachableAsync(built.Services, cancellationToken), cancellationToken));
        if (!await reachable!)
        {
            return 1;
        }

        app.Services.GetRequiredService<StartTimeline>().Mark("database reachable");

        try
        {
            await app.RunAsync(cancellationToken);
            return 0;
        }
        catch (RuleAssemblyException e)
        {
            // One clear line rather than a stack trace: the configuration names an assembly that cannot be used.
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }
}
