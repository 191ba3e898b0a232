using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RuleSuspension.Application.Facts;
using RuleSuspension.Persistence;
using RuleSuspension.Rules;

namespace RuleSuspension.Application.RuleSets;

/// <summary>
/// What a rule set would decide over every stored customer, with optional parameter values: "if graceDays were 45,
/// how many customers would be suspended?". Changes nothing.
/// </summary>
public sealed record SimulateRuleSet(string Name, IReadOnlyDictionary<string, JsonElement>? Parameters, DateOnly? AsOf, IProgress<SimulationProgress>? Progress = null);

public sealed record SimulationProgress(int Evaluated, int Total);

public sealed record SimulationResult(string RuleSet, int Version, int Customers, IReadOnlyDictionary<string, int> Decisions, IReadOnlyList<SimulatedDecision> Examples, double Seconds);

public sealed record SimulatedDecision(string CustomerId, string Outcome, string? ReasonCode, string? Message);

public sealed class SimulateRuleSetHandler(RuleSuspensionDb db, RuleSetCatalog catalog, TimeProvider clock, ILogger<SimulateRuleSetHandler> logger)
{
    private const int BatchSize = 1000;
    private const int MaxExamples = 50;

    public async Task<SimulationResult> Handle(SimulateRuleSet command, CancellationToken cancellationToken)
    {
        var current = await catalog.GetAsync(command.Name, cancellationToken);
        var parameters = EvaluateRuleSetHandler.Overrides(current, command.Parameters);
        var now = clock.GetUtcNow();
        var today = command.AsOf ?? DateOnly.FromDateTime(now.UtcDateTime);
        var total = await db.Customers.CountAsync(cancellationToken);
        var decisions = Enum.GetValues<DecisionOutcome>().ToDictionary(o => o.ToString().ToLowerInvariant(), _ => 0);
        var examples = new List<SimulatedDecision>();
        var plans = await db.Plans.AsNoTracking().ToDictionaryAsync(p => p.Id, cancellationToken);
        var watch = Stopwatch.StartNew();
        var evaluated = 0;
        string? after = null;
        while (true)
        {
            // Keyset paging keeps each batch one indexed query, however many customers there are.
            var batch = await db.Customers.AsNoTracking().Where(c => after == null || string.Compare(c.Id, after) > 0)
                .OrderBy(c => c.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            var ids = batch.Select(c => c.Id).ToList();
            var invoices = (await db.Invoices.AsNoTracking().Where(i => ids.Contains(i.CustomerId)).ToListAsync(cancellationToken)).ToLookup(i => i.CustomerId);
            foreach (var customer in batch)
            {
                var facts = FactBuilder.From(customer, invoices[customer.Id], customer.PlanId is { } p ? plans.GetValueOrDefault(p) : null, null, null, today, now);
                var decision = current.RuleSet.Evaluate(facts, parameters);
                var outcome = decision.Outcome.ToString().ToLowerInvariant();
                decisions[outcome]++;
                if (decision.Outcome != DecisionOutcome.None && examples.Count < MaxExamples)
                {
                    examples.Add(new SimulatedDecision(customer.Id, outcome, decision.ReasonCode, decision.Message));
                }
            }

            evaluated += batch.Count;
            after = batch[^1].Id;
            command.Progress?.Report(new SimulationProgress(evaluated, total));
            logger.LogInformation("Simulating {RuleSet}: {Evaluated}/{Total} customers, {Rate:F0}/s", current.Name, evaluated, total, evaluated / Math.Max(watch.Elapsed.TotalSeconds, 0.001));
        }

        return new SimulationResult(current.Name, current.Version, evaluated, decisions, examples, watch.Elapsed.TotalSeconds);
    }
}
