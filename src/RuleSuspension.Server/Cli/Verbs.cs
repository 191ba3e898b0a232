using System.CommandLine;
using RuleSuspension.Server.Hosting;

namespace RuleSuspension.Server.Cli;

/// <summary>
/// The command line: <c>serve</c> (the default), <c>migrate</c>, <c>keys create</c>. Every verb also takes the
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
        return root;
    }

    /// <summary>The configuration arguments, without the verbs themselves.</summary>
    public static string[] ConfigurationArguments(ParseResult result)
        => result.UnmatchedTokens.ToArray();

    private static async Task<int> Serve(ParseResult result, CancellationToken cancellationToken)
    {
        var app = ServerApp.Build(ConfigurationArguments(result));
        await app.RunAsync(cancellationToken);
        return 0;
    }
}
