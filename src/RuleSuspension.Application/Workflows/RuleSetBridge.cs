using RuleSuspension.Application.Customers;
using RuleSuspension.Application.Decisions;
using RuleSuspension.Domain.Events;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Application.Facts;
using RuleSuspension.Application.RuleSets;
using RuleSuspension.Persistence;
using RuleSuspension.Persistence.Telemetry;
using RuleSuspension.Rules.Facts;
using RuleSuspension.Workflows.Ports;

namespace RuleSuspension.Application.Workflows;

/// <summary>The runtime's rule-set and fact ports, served by the rule-set catalogue and the fact builder.</summary>
internal sealed class RuleSetBridge(RuleSuspensionDb db, RuleSetCatalog catalog, FactBuilder facts, PreloadedFacts preloaded, DecisionRecorder decisions) : IRuleSetEvaluator, IWorkflowFacts
{
    public async Task<FactNeeds> NeedsAsync(string ruleSet, CancellationToken cancellationToken)
        => (await catalog.GetAsync(ruleSet, cancellationToken)).RuleSet.Needs;

    public async Task<RuleSetEvaluation> EvaluateAsync(string ruleSet, FactSet facts, CancellationToken cancellationToken)
    {
        var current = await catalog.GetAsync(ruleSet, cancellationToken);
        // The explanation (every rule, fired or not, with the values of its terms) is kept in the journal beside the
        // decision: the answer to "why was this customer suspended?" for every automatic decision.
        // The decision record keeps the facts too, so that it can be replayed.
        var decision = current.RuleSet.Evaluate(facts, current.Parameters, explain: true);
        ServiceMetrics.Decision(decision.Outcome.ToString(), ruleSet);
        return new RuleSetEvaluation(current.Version, decision) { DecisionId = decisions.Record(DecisionRecorder.Workflow, current, facts, decision) };
    }

    public async Task<FactSet> BuildAsync(string customerId, string? eventId, DateOnly? asOf, FactNeeds needs, CancellationToken cancellationToken)
    {
        if (eventId is null && preloaded.Take(customerId, asOf) is { } ready)
        {
            return ready;
        }

        // The event was stored in this unit of work (or earlier): the same context finds it. A crm event's opportunity
        // is found by the event's data.
        var trigger = eventId is null || (needs & (FactNeeds.Event | FactNeeds.Opportunity)) == 0 ? null
            : db.Tracked<InboundEvent>(eventId) ?? await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, cancellationToken);
        return await facts.BuildAsync(customerId, trigger, asOf, needs, cancellationToken);
    }
}
