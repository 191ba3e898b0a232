using System.Text.Json;
using Mediator;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Application.RuleSets;
using RuleSuspension.Domain.Common;
using RuleSuspension.Domain.Decisions;
using RuleSuspension.Persistence;
using RuleSuspension.Rules;
using RuleSuspension.Rules.Facts;

namespace RuleSuspension.Application.Decisions;

/// <summary>
/// Evaluates a recorded decision's facts again with the same rule-set version and parameter values, and says whether
/// the result is the same (it must be: evaluation is deterministic and the clock is a fact). Changes nothing.
/// </summary>
public sealed record ReplayDecision(Guid Id) : ICommand<ReplayResult>;

/// <summary>The outcome of a replay: <c>same</c> or <c>different</c>, with both results.</summary>
public sealed record ReplayResult(Guid DecisionId, string Answer, DecisionResult Recorded, DecisionResult Replayed)
{
    public bool Same => Answer == "same";
}

/// <summary>A decision's result: outcome, reason code, message and the rules that fired with their actions.</summary>
public sealed record DecisionResult(string Outcome, string? ReasonCode, string? Message, IReadOnlyList<FiredRule> FiredRules)
{
    public static DecisionResult Of(RuleSetDecision decision)
        => new(decision.Outcome.ToString().ToLowerInvariant(), decision.ReasonCode, decision.Message, decision.FiredRules);

    public static DecisionResult Of(DecisionRecord record)
        => new(record.Outcome, record.ReasonCode, record.Message, JsonSerializer.Deserialize<IReadOnlyList<FiredRule>>(record.FiredRules, DecisionRecorder.Json) ?? []);

    public bool SameAs(DecisionResult other)
        => (Outcome, ReasonCode, Message) == (other.Outcome, other.ReasonCode, other.Message)
           && FiredRules.Count == other.FiredRules.Count
           && FiredRules.Zip(other.FiredRules).All(p => p.First.Rule == p.Second.Rule && p.First.Priority == p.Second.Priority && p.First.Actions.SequenceEqual(p.Second.Actions));
}

public sealed class ReplayDecisionHandler(RuleSuspensionDb db, RuleSetCatalog catalog) : ICommandHandler<ReplayDecision, ReplayResult>
{
    public async ValueTask<ReplayResult> Handle(ReplayDecision command, CancellationToken cancellationToken)
    {
        var record = await db.DecisionRecords.AsNoTracking().FirstOrDefaultAsync(d => d.Id == command.Id, cancellationToken)
            ?? throw DomainException.NotFound("Decision", command.Id.ToString());
        var ruleSet = await catalog.GetAsync(record.RuleSetName, record.RuleSetVersion, cancellationToken);
        if (ruleSet.RuleSet.Document.Source != record.RuleSetSource)
        {
            throw DomainException.Conflict("rule-set-not-loaded", $"The decision was made by {record.RuleSetSource}; {ruleSet.RuleSet.Document.Source ?? "a data-defined set"} is loaded under that name and version.");
        }

        var facts = JsonSerializer.Deserialize<FactSet>(record.Facts, DecisionRecorder.Json)
            ?? throw DomainException.Conflict("decision-unreadable", $"Decision {record.Id} holds no facts.");
        var replayed = DecisionResult.Of(ruleSet.RuleSet.Evaluate(facts, ParameterValues.Parse(record.Parameters)));
        var recorded = DecisionResult.Of(record);
        return new ReplayResult(record.Id, recorded.SameAs(replayed) ? "same" : "different", recorded, replayed);
    }
}
