using System.Linq.Expressions;
using NRules.Diagnostics;
using NRules.RuleModel;

namespace RuleSuspension.Rules.NRules.Engine;

/// <summary>
/// Turns one session's events into the language's explanation shape: which rules matched (an activation was created
/// and not deleted), which fired and in what order, the conditions NRules evaluated with the facts they saw and their
/// results, and the derived facts the rules inserted. Subscribed only when an explanation is asked for.
/// </summary>
internal sealed class ExplanationRecorder
{
    /// <summary>A rule matching many facts (one term per invoice) keeps this many terms; the rest are counted.</summary>
    internal const int MaxTermsPerRule = 64;
    private const int MaxValueLength = 400;

    private readonly Dictionary<string, List<TermValue>> _terms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _omitted = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _activations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _firingOrder = new(StringComparer.Ordinal);
    private readonly List<DerivedFactValue> _derived = [];
    private bool _firing;

    public ExplanationRecorder(IEventProvider events)
    {
        events.LhsExpressionEvaluatedEvent += (_, e) =>
        {
            var term = new TermValue(Describe(e.Expression, e.Arguments), e.Result, true);
            foreach (var rule in e.Rules) AddTerm(rule.Name, term);
        };
        events.ActivationCreatedEvent += (_, e) => _activations[e.Rule.Name] = _activations.GetValueOrDefault(e.Rule.Name) + 1;
        events.ActivationDeletedEvent += (_, e) => _activations[e.Rule.Name] = _activations.GetValueOrDefault(e.Rule.Name) - 1;
        events.RuleFiringEvent += (_, _) => _firing = true;
        events.RuleFiredEvent += (_, e) =>
        {
            _firing = false;
            _firingOrder.TryAdd(e.Rule.Name, _firingOrder.Count + 1);
        };
        events.FactInsertedEvent += (_, e) =>
        {
            if (_firing) _derived.Add(new DerivedFactValue(e.Fact.Type.Name, e.Fact.Value));
        };
    }

    public RuleSetExplanation Explain(string ruleSet, IReadOnlyList<IRuleDefinition> agenda, string? haltedBy)
    {
        var rules = agenda.Select(rule =>
        {
            var fired = _firingOrder.TryGetValue(rule.Name, out var order);
            var matched = fired || _activations.GetValueOrDefault(rule.Name) > 0;
            var terms = (IReadOnlyList<TermValue>?)_terms.GetValueOrDefault(rule.Name) ?? [];
            if (_omitted.TryGetValue(rule.Name, out var omitted))
                terms = [.. terms, new TermValue($"{omitted} more evaluations not kept", null, false)];
            var skipped = matched && !fired
                ? haltedBy is not null ? $"not fired: rule '{haltedBy}' halted the evaluation" : "not fired"
                : null;
            return new RuleExplanation(rule.Name, rule.Priority, fired, fired ? order : null, matched, terms, skipped);
        }).ToList();
        return new RuleSetExplanation(ruleSet, rules, _derived);
    }

    private void AddTerm(string rule, TermValue term)
    {
        if (!_terms.TryGetValue(rule, out var terms)) _terms[rule] = terms = new List<TermValue>(4);
        if (terms.Count < MaxTermsPerRule) terms.Add(term);
        else _omitted[rule] = _omitted.GetValueOrDefault(rule) + 1;
    }

    /// <summary>
    /// The condition as written, with each of its variables and the fact it was bound to:
    /// <c>(invoice, grace) =&gt; ... [invoice = InvoiceFact { ... }; grace = GraceDays { Days = 30 }]</c>.
    /// </summary>
    private static string Describe(Expression expression, IReadOnlyCollection<object?> arguments)
    {
        var names = expression is LambdaExpression lambda ? lambda.Parameters.Select(p => Readable(p)).ToArray() : [];
        var text = expression is LambdaExpression l ? Rename(l) : expression.ToString();
        var values = arguments.Select((a, i) => $"{(i < names.Length ? names[i] : $"arg{i}")} = {a?.ToString() ?? "null"}");
        var described = $"{text} [{string.Join("; ", values)}]";
        return described.Length <= MaxValueLength ? described : string.Concat(described.AsSpan(0, MaxValueLength), "…");
    }

    /// <summary>A pattern without a named variable is <c>$var1$</c> to NRules; people read the fact's name instead.</summary>
    private static string Readable(ParameterExpression parameter)
        => parameter.Name is { } name && !name.StartsWith('$') ? name : FactName(parameter.Type);

    private static string FactName(Type type)
    {
        var name = type.Name.EndsWith("Fact", StringComparison.Ordinal) ? type.Name[..^4] : type.Name;
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private static string Rename(LambdaExpression lambda)
    {
        var text = lambda.ToString();
        foreach (var parameter in lambda.Parameters)
            if (parameter.Name is { } name && name.StartsWith('$')) text = text.Replace(name, Readable(parameter), StringComparison.Ordinal);
        return text;
    }
}
