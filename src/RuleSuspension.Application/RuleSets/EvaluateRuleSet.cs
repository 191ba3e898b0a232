using System.Text.Json;
using Mediator;
using RuleSuspension.Application.Facts;
using RuleSuspension.Domain.Common;
using RuleSuspension.Rules;
using RuleSuspension.Rules.Facts;

namespace RuleSuspension.Application.RuleSets;

/// <summary>
/// A dry run: evaluates the current version of a rule set on a stored customer or on given facts, with optional
/// parameter values in place of finance's, and explains every rule. Changes nothing.
/// </summary>
public sealed record EvaluateRuleSet(string Name, string? CustomerId, FactSet? Facts, IReadOnlyDictionary<string, JsonElement>? Parameters, DateOnly? AsOf) : IQuery<DryRunResult>;

public sealed record DryRunResult(string RuleSet, int Version, string? CustomerId, RuleSetDecision Decision);

public sealed class EvaluateRuleSetHandler(RuleSetCatalog catalog, FactBuilder facts) : IQueryHandler<EvaluateRuleSet, DryRunResult>
{
    public async ValueTask<DryRunResult> Handle(EvaluateRuleSet command, CancellationToken cancellationToken)
    {
        var current = await catalog.GetAsync(command.Name, cancellationToken);
        var factSet = (command.CustomerId, command.Facts) switch
        {
            ({ Length: > 0 } id, null) => await facts.BuildAsync(id, null, command.AsOf, current.RuleSet.Needs, cancellationToken),
            (null, { } given) => command.AsOf is { } asOf ? given with { Today = asOf } : given,
            _ => throw DomainException.Invalid("customerId", "Give either 'customerId' (a stored customer) or 'facts', not both and not neither."),
        };
        if (command.Facts is not null && FactConsistency.Check(factSet) is { Count: > 0 } contradictions)
        {
            throw new InvalidDocumentException("facts", contradictions.Select(e => new DocumentError("$.facts" + e.Path[1..], null, null, e.Message)).ToList());
        }

        var parameters = Overrides(current, command.Parameters);
        var decision = current.RuleSet.Evaluate(factSet, parameters, explain: true);
        return new DryRunResult(current.Name, current.Version, factSet.Customer.Id, decision);
    }

    /// <summary>Finance's values, with the dry run's own values on top (checked against type and bounds).</summary>
    internal static ParameterValues Overrides(CurrentRuleSet current, IReadOnlyDictionary<string, JsonElement>? overrides)
    {
        if (overrides is null || overrides.Count == 0)
        {
            return current.Parameters;
        }

        RuleSetDocuments.ValidateValues(current.RuleSet.Document, overrides);
        var merged = current.Parameters.Values.ToDictionary(v => v.Key, v => v.Value);
        foreach (var (name, value) in overrides)
        {
            merged[name] = value;
        }

        return new ParameterValues(merged);
    }
}
