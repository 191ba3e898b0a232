using System.Diagnostics;
using System.Text.Json;
using Mediator;
using RuleSuspension.Rules;

namespace RuleSuspension.Application.RuleSets;

/// <summary>
/// What a rule set would decide over every stored customer, with optional parameter values: "if graceDays were 45,
/// how many customers would be suspended?". Changes nothing.
/// </summary>
public sealed record SimulateRuleSet(string Name, IReadOnlyDictionary<string, JsonElement>? Parameters, DateOnly? AsOf, IProgress<SimulationProgress>? Progress = null) : IQuery<SimulationResult>;

public sealed record SimulationResult(string RuleSet, int Version, int Customers, IReadOnlyDictionary<string, int> Decisions, IReadOnlyList<SimulatedDecision> Examples, double Seconds);

public sealed record SimulatedDecision(string CustomerId, string Outcome, string? ReasonCode, string? Message);

public sealed class SimulateRuleSetHandler(RuleSetCatalog catalog, CustomerBook book) : IQueryHandler<SimulateRuleSet, SimulationResult>
{
    private const int MaxExamples = 50;

    public async ValueTask<SimulationResult> Handle(SimulateRuleSet command, CancellationToken cancellationToken)
    {
        var current = await catalog.GetAsync(command.Name, cancellationToken);
        var parameters = EvaluateRuleSetHandler.Overrides(current, command.Parameters);
        var decisions = DecisionCounts.Empty();
        var examples = new List<SimulatedDecision>();
        var watch = Stopwatch.StartNew();
        var evaluated = await book.ForEachAsync($"Simulating {current.Name}", command.AsOf, (customer, facts) =>
        {
            var decision = current.RuleSet.Evaluate(facts, parameters);
            var outcome = DecisionCounts.Name(decision.Outcome);
            decisions[outcome]++;
            if (decision.Outcome != DecisionOutcome.None && examples.Count < MaxExamples)
            {
                examples.Add(new SimulatedDecision(customer.Id, outcome, decision.ReasonCode, decision.Message));
            }
        }, command.Progress, cancellationToken);

        return new SimulationResult(current.Name, current.Version, evaluated, decisions, examples, watch.Elapsed.TotalSeconds);
    }
}

/// <summary>Decision counts keyed by the outcome's wire name (<c>suspend</c>, <c>review</c>, <c>warn</c>, <c>none</c>), every outcome present.</summary>
internal static class DecisionCounts
{
    public static Dictionary<string, int> Empty() => Enum.GetValues<DecisionOutcome>().ToDictionary(Name, _ => 0);

    public static string Name(DecisionOutcome outcome) => outcome.ToString().ToLowerInvariant();
}
