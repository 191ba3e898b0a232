using System.Runtime.CompilerServices;
using System.Text.Json;
using RuleSuspension.Rules.Compilation;
using RuleSuspension.Rules.Engine;
using RuleSuspension.Rules.Facts;

namespace RuleSuspension.Rules;

/// <summary>
/// A rule set compiled to delegates. Immutable and thread-safe: evaluate it concurrently from any number of threads.
/// </summary>
public sealed class CompiledRuleSet : IRuleSet
{
    private static readonly RuleSetDecision NoDecision = new();

    private readonly CompiledRule[] _rules;
    private readonly int[] _agenda;
    private readonly IReadOnlyDictionary<string, Slot> _parameterSlots;
    private readonly object?[] _defaults;
    private readonly string[] _factNames;
    private readonly Type[] _factTypes;
    private readonly int[][] _dependents;
    private readonly int _messageSlots;
    private readonly Func<EvaluationContext, int, bool> _conditions;
    private readonly Action<EvaluationContext, int> _fire;
    private readonly Lazy<ExplainPlan> _explainPlan;
    private readonly int _maxCycles;
    private readonly ConditionalWeakTable<ParameterValues, object?[]> _resolved = new();
    // One context per slot, taken and given back with Interlocked: no locks, no allocation once warm.
    private readonly EvaluationContext?[] _pool = new EvaluationContext?[Math.Max(2, Environment.ProcessorCount)];

    internal CompiledRuleSet(
        RuleSetDocument document, CompiledRule[] rules, IReadOnlyDictionary<string, Slot> parameterSlots, object?[] defaults,
        string[] factNames, Type[] factTypes, int[][] dependents, int messageSlots,
        Func<EvaluationContext, int, bool> conditions, Action<EvaluationContext, int> fire,
        BindingEnvironment environment, RuleSetCompilerOptions options, FactNeeds needs)
    {
        Document = document;
        Needs = needs;
        _rules = rules;
        // Agenda order: priority descending, ties in declaration order (OrderBy is stable).
        _agenda = rules.OrderByDescending(r => r.Priority).Select(r => r.Index).ToArray();
        _parameterSlots = parameterSlots;
        _defaults = defaults;
        _factNames = factNames;
        _factTypes = factTypes;
        _dependents = dependents;
        _messageSlots = messageSlots;
        _conditions = conditions;
        _fire = fire;
        _maxCycles = options.MaxCycles;
        _explainPlan = new Lazy<ExplainPlan>(() => RuleSetBuilder.BuildExplainPlan(rules, environment), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// The parts of the facts the rules read (conditions, asserted values and messages): a caller that builds facts
    /// from a database reads only these. An evaluation on facts without them sees empty invoices and no plan.
    /// </summary>
    public FactNeeds Needs { get; }

    /// <summary>The document this set was compiled from.</summary>
    public RuleSetDocument Document { get; }

    /// <summary>The rule set's name.</summary>
    public string Name => Document.Name;

    /// <summary>Always <see cref="RuleSetKinds.Data"/>: compiled from the rule language.</summary>
    public string Kind => RuleSetKinds.Data;

    /// <summary>The declared parameters.</summary>
    public IReadOnlyList<ParameterDefinition> Parameters => Document.Parameters;

    /// <summary>Names of the derived facts the rules assert.</summary>
    public IReadOnlyList<string> DerivedFacts => _factNames;

    /// <summary>
    /// Checks overrides against the declared parameters: unknown names, types and bounds.
    /// Errors carry the path <c>$.parameters.name</c>.
    /// </summary>
    public IReadOnlyList<RuleError> ValidateParameters(ParameterValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var errors = new List<RuleError>();
        ResolveInto(values, errors);
        return errors;
    }

    /// <summary>
    /// Evaluates the rules against <paramref name="facts"/> by forward chaining: repeatedly fires the
    /// highest-priority rule (ties in declaration order) whose condition holds and which has not fired, until
    /// none is left or a rule halts. Without <paramref name="explain"/> the evaluation allocates nothing but the
    /// decision it returns.
    /// </summary>
    /// <param name="facts">The facts; not modified.</param>
    /// <param name="overrides">Parameter values replacing the defaults; reuse the instance across evaluations.</param>
    /// <param name="explain">Also return, for every rule, the value of each term of its condition.</param>
    /// <exception cref="RuleEvaluationException">A rule failed at runtime, the cycle bound was hit, an override is invalid, or the facts are inconsistent (<see cref="FactConsistency"/>).</exception>
    public RuleSetDecision Evaluate(FactSet facts, ParameterValues? overrides = null, bool explain = false)
    {
        ArgumentNullException.ThrowIfNull(facts);
        FactConsistency.ThrowIfInconsistent(facts, Name);
        var parameters = overrides is null ? _defaults : Resolve(overrides);
        var context = Rent();
        try
        {
            return Run(context, facts, parameters, explain ? _explainPlan.Value : null);
        }
        finally
        {
            context.End();
            Return(context);
        }
    }

    private RuleSetDecision Run(EvaluationContext context, FactSet facts, object?[] parameters, ExplainPlan? plan)
    {
        context.Begin(facts, parameters);
        var conditions = plan?.Conditions ?? _conditions;
        var terms = plan is null ? null : new TermValue[]?[_rules.Length];
        var firingOrder = plan is null ? null : new int[_rules.Length];
        List<FiredRule>? fired = null;
        var outcome = DecisionOutcome.None;
        string? reasonCode = null, message = null;
        var cycles = 0;
        var haltedBy = -1;

        while (true)
        {
            var next = -1;
            foreach (var r in _agenda)
            {
                if (context.Fired[r]) continue;
                var state = context.ConditionState[r];
                if (state == EvaluationContext.Unknown)
                {
                    if (plan is not null) context.ClearTerms(plan.Terms[r].Length);
                    state = Check(conditions, context, r) ? EvaluationContext.True : EvaluationContext.False;
                    context.ConditionState[r] = state;
                    if (plan is not null) terms![r] = Snapshot(context, plan.Terms[r]);
                }
                if (state == EvaluationContext.True) { next = r; break; }
            }
            if (next < 0) break;
            if (++cycles > _maxCycles)
                throw new RuleEvaluationException(
                    $"rule set '{Name}' fired more than {_maxCycles} rules in one evaluation (the cycle bound); the last was '{_rules[next].Name}'");

            var rule = _rules[next];
            context.Fired[next] = true;
            if (firingOrder is not null) firingOrder[next] = cycles;
            try
            {
                _fire(context, next);
            }
            catch (Exception e)
            {
                throw new RuleEvaluationException($"rule '{rule.Name}' of rule set '{Name}' failed in its actions: {e.Message}", e);
            }
            var record = rule.ConstantFiring ?? Record(rule, context);
            (fired ??= new List<FiredRule>(4)).Add(record);
            for (var i = 0; i < rule.Actions.Length; i++)
            {
                var kind = rule.Actions[i].Kind;
                if (kind <= ActionKind.Suspend && (DecisionOutcome)kind > outcome)
                {
                    outcome = (DecisionOutcome)kind;
                    reasonCode = record.Actions[i].ReasonCode;
                    message = record.Actions[i].Message;
                }
            }
            if (rule.Halts) { haltedBy = next; break; }
        }

        if (fired is null && plan is null) return NoDecision;
        return new RuleSetDecision
        {
            Outcome = outcome,
            ReasonCode = reasonCode,
            Message = message,
            FiredRules = (IReadOnlyList<FiredRule>?)fired ?? [],
            Explanation = plan is null ? null : Explain(context, terms!, firingOrder!, haltedBy),
        };
    }

    private bool Check(Func<EvaluationContext, int, bool> conditions, EvaluationContext context, int rule)
    {
        try
        {
            return conditions(context, rule);
        }
        catch (Exception e)
        {
            throw new RuleEvaluationException($"rule '{_rules[rule].Name}' of rule set '{Name}' failed in its condition: {e.Message}", e);
        }
    }

    private static FiredRule Record(CompiledRule rule, EvaluationContext context)
    {
        var actions = new FiredAction[rule.Actions.Length];
        for (var i = 0; i < actions.Length; i++)
        {
            var action = rule.Actions[i];
            var text = action.MessageSlot >= 0 ? context.Messages[action.MessageSlot] : action.ConstantMessage;
            actions[i] = new FiredAction(action.Type, action.ReasonCode, text, action.Fact);
        }
        return new FiredRule(rule.Name, rule.Priority, actions);
    }

    private static TermValue[] Snapshot(EvaluationContext context, string[] texts)
    {
        var values = new TermValue[texts.Length];
        for (var i = 0; i < texts.Length; i++)
            values[i] = new TermValue(texts[i], context.TermEvaluated[i] ? context.TermValues[i] : null, context.TermEvaluated[i]);
        return values;
    }

    private RuleSetExplanation Explain(EvaluationContext context, TermValue[]?[] terms, int[] firingOrder, int haltedBy)
    {
        var rules = new List<RuleExplanation>(_rules.Length);
        foreach (var r in _agenda)
        {
            var rule = _rules[r];
            var fired = context.Fired[r];
            var state = context.ConditionState[r];
            bool? result = fired ? true : state == EvaluationContext.Unknown ? null : state == EvaluationContext.True;
            string? skipped = null;
            if (result is null)
                skipped = haltedBy >= 0
                    ? $"not evaluated: rule '{_rules[haltedBy].Name}' halted the evaluation"
                    : "not evaluated";
            rules.Add(new RuleExplanation(rule.Name, rule.Priority, fired, fired ? firingOrder[r] : null, result,
                result is null ? [] : terms[r] ?? [], skipped));
        }
        var facts = new List<DerivedFactValue>();
        for (var i = 0; i < _factNames.Length; i++)
        {
            var value = context.Cells[i].Boxed;
            if (value is null || value is JsonElement { ValueKind: JsonValueKind.Undefined }) continue;
            facts.Add(new DerivedFactValue(_factNames[i], value));
        }
        return new RuleSetExplanation(Name, rules, facts);
    }

    private object?[] Resolve(ParameterValues values)
    {
        if (_resolved.TryGetValue(values, out var resolved)) return resolved;
        var errors = new List<RuleError>();
        resolved = ResolveInto(values, errors);
        if (errors.Count > 0)
            throw new RuleEvaluationException($"invalid parameter values for rule set '{Name}': {string.Join("; ", errors.Select(e => e.Message))}");
        _resolved.AddOrUpdate(values, resolved);
        return resolved;
    }

    private object?[] ResolveInto(ParameterValues values, List<RuleError> errors)
    {
        var resolved = (object?[])_defaults.Clone();
        foreach (var (name, value) in values.Values)
        {
            if (!_parameterSlots.TryGetValue(name, out var slot))
            {
                errors.Add(new RuleError($"$.parameters.{name}", null, null, $"rule set '{Name}' has no parameter '{name}'"));
                continue;
            }
            var definition = Document.Parameters.First(p => p.Name == name);
            var problems = new List<string>();
            if (ParameterCodec.TryConvert(definition, slot.Type, value, problems, out var converted))
                resolved[slot.Index] = converted;
            errors.AddRange(problems.Select(p => new RuleError($"$.parameters.{name}", null, null, p)));
        }
        return resolved;
    }

    private EvaluationContext Rent()
    {
        for (var i = 0; i < _pool.Length; i++)
        {
            var context = Interlocked.Exchange(ref _pool[i], null);
            if (context is not null) return context;
        }
        var cells = _factTypes.Select(t => (FactCell)Activator.CreateInstance(typeof(FactCell<>).MakeGenericType(t))!).ToArray();
        return new EvaluationContext(cells, _rules.Length, _messageSlots, _dependents);
    }

    private void Return(EvaluationContext context)
    {
        for (var i = 0; i < _pool.Length; i++)
            if (Interlocked.CompareExchange(ref _pool[i], context, null) is null) return;
    }
}
