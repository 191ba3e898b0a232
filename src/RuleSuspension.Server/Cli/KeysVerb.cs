using System.CommandLine;
using Mediator;
using RuleSuspension.Application.Keys;
using RuleSuspension.Domain.Access;
using RuleSuspension.Server.Endpoints;

namespace RuleSuspension.Server.Cli;

internal static class KeysVerb
{
    public static Command Create()
    {
        var role = new Option<string>("--role") { Description = "SuperAdmin, Admin, Finance, Integration or Viewer.", Required = true };
        var name = new Option<string>("--name") { Description = "A name that says whose key it is.", DefaultValueFactory = _ => "cli" };
        var create = new Command("create", "Create an API key and print it (it is shown once).") { TreatUnmatchedTokensAsErrors = false };
        create.Options.Add(role);
        create.Options.Add(name);
        create.SetAction((result, ct) => Verbs.WithServices(result, ct, async services =>
        {
            var created = await services.GetRequiredService<ISender>()
                .Send(new CreateApiKey(result.GetValue(name)!, KeyEndpoints.ParseRole(result.GetValue(role)), Actor.System("cli")), ct);
            Console.WriteLine(created.Key);
            Console.Error.WriteLine($"Created {created.Role} key '{created.Name}'. Keep it safe: it is not shown again.");
            return 0;
        }));

        var keys = new Command("keys", "Manage API keys.");
        keys.Subcommands.Add(create);
        return keys;
    }
}
