using System.CommandLine;
using System.Text.Json;
using Mediator;
using RuleSuspension.Application.RuleSets;
using Spectre.Console;

namespace RuleSuspension.Server.Cli;

/// <summary><c>simulate --ruleset NAME [--param k=v]</c>: what a rule set would decide over every stored customer.</summary>
internal static class SimulateVerb
{
    public static Command Create()
    {
        var ruleSet = new Option<string>("--ruleset") { Description = "The rule set to simulate, e.g. non-payment.", Required = true };
        var parameters = new Option<string[]>("--param") { Description = "A parameter value to try, k=v (repeatable), e.g. --param graceDays=45.", AllowMultipleArgumentsPerToken = false };
        var asOf = new Option<DateOnly?>("--as-of") { Description = "The check's date (yyyy-MM-dd); default today." };
        var command = new Command("simulate", "Evaluate a rule set over every stored customer without changing anything.") { TreatUnmatchedTokensAsErrors = false };
        command.Options.Add(ruleSet);
        command.Options.Add(parameters);
        command.Options.Add(asOf);
        command.SetAction((result, ct) => Verbs.WithServices(result, ct, async services =>
        {
            var sender = services.GetRequiredService<ISender>();
            var values = ParseParameters(result.GetValue(parameters) ?? []);
            var outcome = await AnsiConsole.Progress().AutoClear(true).StartAsync(async progress =>
            {
                var task = progress.AddTask($"Simulating {result.GetValue(ruleSet)}", maxValue: 1);
                var report = new Progress<SimulationProgress>(p =>
                {
                    task.MaxValue = Math.Max(p.Total, 1);
                    task.Value = p.Evaluated;
                });
                return await sender.Send(new SimulateRuleSet(result.GetValue(ruleSet)!, values, result.GetValue(asOf), report), ct);
            });

            var table = new Table().AddColumns("decision", "customers");
            foreach (var (decision, count) in outcome.Decisions)
            {
                table.AddRow(decision, count.ToString("N0"));
            }

            AnsiConsole.MarkupLineInterpolated($"[bold]{outcome.RuleSet}[/] v{outcome.Version} over {outcome.Customers:N0} customers in {outcome.Seconds:F1} s");
            AnsiConsole.Write(table);
            foreach (var example in outcome.Examples.Take(10))
            {
                AnsiConsole.MarkupLineInterpolated($"  {example.CustomerId}: {example.Outcome} — {example.Message}");
            }

            return 0;
        }));
        return command;
    }

    /// <summary><c>graceDays=45</c> → 45; values that are not JSON are taken as strings.</summary>
    internal static Dictionary<string, JsonElement> ParseParameters(IEnumerable<string> pairs)
    {
        var values = new Dictionary<string, JsonElement>();
        foreach (var pair in pairs)
        {
            var split = pair.IndexOf('=');
            if (split <= 0)
            {
                throw new ArgumentException($"'{pair}' is not k=v.");
            }

            var text = pair[(split + 1)..];
            JsonElement value;
            try
            {
                value = JsonDocument.Parse(text).RootElement.Clone();
            }
            catch (JsonException)
            {
                value = JsonSerializer.SerializeToElement(text);
            }

            values[pair[..split]] = value;
        }

        return values;
    }
}
