using System.Runtime.CompilerServices;
using System.Text.Json;
using RuleSuspension.Application.RuleSets;
using RuleSuspension.Domain.Decisions;
using RuleSuspension.Persistence;
using RuleSuspension.Rules;
using RuleSuspension.Rules.Facts;

namespace RuleSuspension.Application.Decisions;

/// <summary>Whether automatic decisions are recorded (<c>Decisions:Record</c>, on by default).</summary>
public sealed record DecisionRecordOptions
{
    public bool Record { get; init; } = true;
}

/// <summary>
/// Adds a <see cref="DecisionRecord"/> for an automatic decision to the unit of work (saved with its commit, so a
/// decision whose effects roll back leaves no record either).
/// </summary>
public sealed class DecisionRecorder(RuleSuspensionDb db, DecisionRecordOptions options, TimeProvider clock)
{
    public const string Workflow = "workflow";
    public const string OverdueCheck = "overdue-check";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // The values in effect are the same for every decision made with one version's parameters: written once.
    private static readonly ConditionalWeakTable<ParameterValues, string> ValuesInEffect = new();

    /// <summary>Records the decision; answers its id, or null when recording is off.</summary>
    public Guid? Record(string origin, CurrentRuleSet ruleSet, FactSet facts, RuleSetDecision decision)
    {
        if (!options.Record)
        {
            return null;
        }

        var record = new DecisionRecord(
            facts.Customer.Id, clock.GetUtcNow(), origin, ruleSet.Kind, ruleSet.Name, ruleSet.Version, ruleSet.RuleSet.Document.Source,
            ValuesInEffect.GetValue(ruleSet.Parameters, values => InEffect(ruleSet.RuleSet, values)),
            SerializeFacts(facts), decision.Outcome.ToString().ToLowerInvariant(), decision.ReasonCode, decision.Message,
            JsonSerializer.Serialize(decision.FiredRules, Json));
        db.DecisionRecords.Add(record);
        return record.Id;
    }

    /// <summary>The facts as given; a workflow's earlier decision is kept without its explanation (its own record has that).</summary>
    internal static string SerializeFacts(FactSet facts)
        => JsonSerializer.Serialize(facts.Decision is { Explanation: not null } earlier ? facts with { Decision = earlier with { Explanation = null } } : facts, Json);

    /// <summary>Every declared parameter: finance's value where set, else the default.</summary>
    private static string InEffect(IRuleSet ruleSet, ParameterValues values)
    {
        var effect = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var parameter in ruleSet.Parameters)
        {
            if (values.Values.TryGetValue(parameter.Name, out var value))
            {
                effect[parameter.Name] = value;
            }
            else if (parameter.Default is { } fallback)
            {
                effect[parameter.Name] = fallback;
            }
        }

        return JsonSerializer.Serialize(effect, Json);
    }
}
