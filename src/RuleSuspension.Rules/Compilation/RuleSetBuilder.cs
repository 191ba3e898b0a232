using RuleSuspension.Rules.Facts;
using System.Linq.Expressions;
using RuleSuspension.Rules.Engine;
using RuleSuspension.Rules.Language.Lexing;
using RuleSuspension.Rules.Language.Parsing;
using RuleSuspension.Rules.Language.Typing;

namespace RuleSuspension.Rules.Compilation;

/// <summary>
/// Turns a document into a <see cref="CompiledRuleSet"/>: checks its shape, parses every expression, infers the
/// types of derived facts, type-checks everything (collecting all errors), then compiles all conditions into one
/// delegate and all actions into another (one switch each, so a set compiles with two JIT-ed methods).
/// </summary>
internal static class RuleSetBuilder
{
    private sealed class ParsedAction
    {
        public required RuleAction Source { get; init; }
        public required string Path { get; init; }
        public ActionKind Kind { get; init; }
        public SyntaxNode? Value { get; set; }
        public MessageTemplate? Message { get; set; }
    }

    private sealed class ParsedRule
    {
        public required RuleDefinition Source { get; init; }
        public required int Index { get; init; }
        public SyntaxNode? When { get; set; }
        public List<ParsedAction> Actions { get; } = [];
        public string Path => $"$.rules[{Index}]";
    }

    public static RuleSetCompilation Build(RuleSetDocument document, RuleSetCompilerOptions options)
    {
        var errors = new List<RuleError>();
        if (string.IsNullOrWhiteSpace(document.Name))
            errors.Add(new RuleError("$.name", null, null, "a rule set needs a name"));

        var (parameters, defaults) = BuildParameters(document, errors);
        var rules = ParseRules(document, errors);
        var facts = InferFacts(rules, parameters, errors);
        var environment = new BindingEnvironment { Parameters = parameters, Facts = facts };

        var conditions = new Expression[rules.Count];
        var fires = new Expression[rules.Count];
        var dependencies = new List<HashSet<string>>();
        var compiledRules = new CompiledRule[rules.Count];
        var messageSlots = 0;
        var rootsRead = new HashSet<string>(StringComparer.Ordinal);
        var context = BindingEnvironment.ContextParameter;
        foreach (var rule in rules)
        {
            var diagnostics = new List<Diagnostic>();
            var binder = new ExpressionBinder(rule.Source.When, environment, diagnostics);
            conditions[rule.Index] = rule.When is null ? Expression.Constant(false) : binder.BindCondition(rule.When);
            Report(errors, $"{rule.Path}.when", diagnostics);
            dependencies.Add(binder.FactsRead);
            rootsRead.UnionWith(binder.RootsRead);

            var steps = new List<Expression>();
            var actions = new List<CompiledAction>();
            foreach (var action in rule.Actions)
            {
                var slot = -1;
                string? constant = null;
                if (action.Kind == ActionKind.Assert && action.Value is not null && facts.TryGetValue(action.Source.Fact!, out var fact))
                {
                    var local = new List<Diagnostic>();
                    var valueBinder = new ExpressionBinder(action.Source.Value!, environment, local);
                    var value = valueBinder.Bind(action.Value);
                    rootsRead.UnionWith(valueBinder.RootsRead);
                    Report(errors, $"{action.Path}.value", local);
                    if (!value.IsError && !fact.Type.IsError && !(value.Type.SameAs(fact.Type) || value.Type.Kind == TypeKind.Null
                            || (value.Type.IsNumeric && fact.Type.Kind == TypeKind.Number)))
                        errors.Add(new RuleError($"{action.Path}.value", 1, 1, $"fact '{action.Source.Fact}' is asserted as {fact.Type} elsewhere but as {value.Type} here"));
                    else if (!value.IsError && !fact.Type.IsError)
                    {
                        var type = fact.Type.Nullable();
                        var cell = Expression.Convert(
                            Expression.ArrayIndex(Expression.Field(context, nameof(EvaluationContext.Cells)), Expression.Constant(fact.Index)),
                            typeof(FactCell<>).MakeGenericType(type.ClrType));
                        steps.Add(Expression.Assign(Expression.Field(cell, "Value"), ExpressionBinder.ConvertTo(value, type)));
                        steps.Add(Expression.Call(context, nameof(EvaluationContext.Invalidate), null, Expression.Constant(fact.Index)));
                    }
                }
                if (action.Message is { } template)
                {
                    if (template.IsConstant) constant = template.ConstantText;
                    else
                    {
                        var local = new List<Diagnostic>();
                        var text = template.Bind(environment, local, [], rootsRead);
                        Report(errors, $"{action.Path}.message", local);
                        slot = messageSlots++;
                        steps.Add(Expression.Assign(
                            Expression.ArrayAccess(Expression.Field(context, nameof(EvaluationContext.Messages)), Expression.Constant(slot)), text));
                    }
                }
                actions.Add(new CompiledAction(action.Kind, action.Source.Type, action.Source.ReasonCode, constant, slot,
                    action.Kind == ActionKind.Assert ? action.Source.Fact : null));
            }
            fires[rule.Index] = steps.Count == 0 ? Expression.Empty() : Expression.Block(typeof(void), steps);
            var actionArray = actions.ToArray();
            compiledRules[rule.Index] = new CompiledRule
            {
                Name = rule.Source.Name,
                Priority = rule.Source.Priority,
                Index = rule.Index,
                ConditionSource = rule.Source.When,
                Condition = rule.When ?? new LiteralSyntax(false, TokenKind.True, default, 0),
                Actions = actionArray,
                ConstantFiring = actionArray.All(a => a.MessageSlot < 0)
                    ? new FiredRule(rule.Source.Name, rule.Source.Priority, actionArray.Select(a => new FiredAction(a.Type, a.ReasonCode, a.ConstantMessage, a.Fact)).ToArray())
                    : null,
            };
        }

        if (errors.Count > 0) return new RuleSetCompilation(null, errors);

        var ruleParameter = Expression.Parameter(typeof(int), "rule");
        var conditionDelegate = CompileSwitch<Func<EvaluationContext, int, bool>>(conditions, typeof(bool), Expression.Constant(false), ruleParameter);
        var fireDelegate = CompileSwitch<Action<EvaluationContext, int>>(fires, typeof(void), Expression.Empty(), ruleParameter);

        var factNames = facts.OrderBy(f => f.Value.Index).Select(f => f.Key).ToArray();
        var factTypes = facts.OrderBy(f => f.Value.Index).Select(f => f.Value.Type.Nullable().ClrType).ToArray();
        var dependents = factNames
            .Select(name => Enumerable.Range(0, rules.Count).Where(r => dependencies[r].Contains(name)).ToArray())
            .ToArray();
        return new RuleSetCompilation(new CompiledRuleSet(
            document, compiledRules, parameters, defaults, factNames, factTypes, dependents, messageSlots,
            conditionDelegate, fireDelegate, environment, options, FactNeedsOf.Roots(rootsRead)), []);
    }

    private static T CompileSwitch<T>(Expression[] bodies, Type type, Expression fallback, ParameterExpression rule) where T : Delegate
    {
        Expression body = bodies.Length == 0
            ? fallback
            : Expression.Switch(type, rule, fallback, null,
                bodies.Select((b, i) => Expression.SwitchCase(type == typeof(void) ? Expression.Block(typeof(void), b) : b, Expression.Constant(i))));
        return Expression.Lambda<T>(body, BindingEnvironment.ContextParameter, rule).Compile();
    }

    /// <summary>Compiles the instrumented variant of the conditions, which records each term's value.</summary>
    internal static ExplainPlan BuildExplainPlan(IReadOnlyList<CompiledRule> rules, BindingEnvironment environment)
    {
        var conditions = new Expression[rules.Count];
        var terms = new string[rules.Count][];
        foreach (var rule in rules)
        {
            var texts = new List<string>();
            var binder = new ExpressionBinder(rule.ConditionSource, environment, [], texts);
            conditions[rule.Index] = binder.BindCondition(rule.Condition);
            terms[rule.Index] = texts.ToArray();
        }
        var ruleParameter = Expression.Parameter(typeof(int), "rule");
        return new ExplainPlan(CompileSwitch<Func<EvaluationContext, int, bool>>(conditions, typeof(bool), Expression.Constant(false), ruleParameter), terms);
    }

    private static void Report(List<RuleError> errors, string path, List<Diagnostic> diagnostics) =>
        errors.AddRange(diagnostics.Select(d => new RuleError(path, d.Position.Line, d.Position.Column, d.Message)));

    private static (Dictionary<string, Slot>, object?[]) BuildParameters(RuleSetDocument document, List<RuleError> errors)
    {
        var slots = new Dictionary<string, Slot>(StringComparer.Ordinal);
        var defaults = new List<object?>();
        for (var i = 0; i < document.Parameters.Count; i++)
        {
            var path = $"$.parameters[{i}]";
            var definition = document.Parameters[i];
            if (definition is null) { errors.Add(new RuleError(path, null, null, "a parameter cannot be null")); continue; }
            if (!SyntaxFacts.IsCamelCaseIdentifier(definition.Name))
            {
                errors.Add(new RuleError($"{path}.name", null, null, $"a parameter name must be a camelCase identifier but was '{definition.Name}'"));
                continue;
            }
            if (slots.ContainsKey(definition.Name))
            {
                errors.Add(new RuleError($"{path}.name", null, null, $"parameter '{definition.Name}' is declared twice"));
                continue;
            }
            var type = RuleTypeParser.Parse(definition.Type);
            if (type is null)
                errors.Add(new RuleError($"{path}.type", null, null,
                    $"unknown parameter type '{definition.Type}' (expected number, integer, string, boolean, date, datetime, duration, list<T> or map<string,T>)"));
            if (definition.Min is { } min && definition.Max is { } max && min > max)
                errors.Add(new RuleError($"{path}.min", null, null, $"min ({min}) is greater than max ({max})"));
            object? value = null;
            if (definition.Default is not { } defaultValue)
                errors.Add(new RuleError($"{path}.default", null, null, $"parameter '{definition.Name}' needs a default value"));
            else if (type is not null)
            {
                var problems = new List<string>();
                if (!ParameterCodec.TryConvert(definition, type, defaultValue, problems, out value))
                    errors.AddRange(problems.Select(p => new RuleError($"{path}.default", null, null, p)));
            }
            slots.Add(definition.Name, new Slot(defaults.Count, type ?? RuleType.Error));
            defaults.Add(value);
        }
        return (slots, defaults.ToArray());
    }

    private static List<ParsedRule> ParseRules(RuleSetDocument document, List<RuleError> errors)
    {
        var rules = new List<ParsedRule>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < document.Rules.Count; i++)
        {
            var source = document.Rules[i];
            if (source is null) { errors.Add(new RuleError($"$.rules[{i}]", null, null, "a rule cannot be null")); continue; }
            var rule = new ParsedRule { Source = source with { When = source.When ?? "" }, Index = rules.Count };
            if (string.IsNullOrWhiteSpace(source.Name))
                errors.Add(new RuleError($"{rule.Path}.name", null, null, "a rule needs a name"));
            else if (!names.Add(source.Name))
                errors.Add(new RuleError($"{rule.Path}.name", null, null, $"rule name '{source.Name}' is used twice"));
            if (string.IsNullOrWhiteSpace(source.When))
                errors.Add(new RuleError($"{rule.Path}.when", null, null, "a rule needs a 'when' condition (use 'true' for always)"));
            else
                rule.When = Parse(source.When, $"{rule.Path}.when", errors);
            if (source.Then is null || source.Then.Count == 0)
                errors.Add(new RuleError($"{rule.Path}.then", null, null, "a rule needs at least one action"));
            else
                for (var j = 0; j < source.Then.Count; j++)
                    ParseAction(rule, source.Then[j], $"{rule.Path}.then[{j}]", errors);
            rules.Add(rule);
        }
        return rules;
    }

    private static void ParseAction(ParsedRule rule, RuleAction? action, string path, List<RuleError> errors)
    {
        if (action is null) { errors.Add(new RuleError(path, null, null, "an action cannot be null")); return; }
        ActionKind? kind = action.Type switch
        {
            "suspend" => ActionKind.Suspend,
            "review" => ActionKind.Review,
            "warn" => ActionKind.Warn,
            "assert" => ActionKind.Assert,
            "halt" => ActionKind.Halt,
            _ => null,
        };
        if (kind is null)
        {
            errors.Add(new RuleError($"{path}.type", null, null, $"unknown action type '{action.Type}' (expected suspend, review, warn, assert or halt)"));
            return;
        }
        var parsed = new ParsedAction { Source = action, Path = path, Kind = kind.Value };
        if (kind is ActionKind.Suspend or ActionKind.Review or ActionKind.Warn)
        {
            if (string.IsNullOrWhiteSpace(action.ReasonCode))
                errors.Add(new RuleError($"{path}.reasonCode", null, null, $"a {action.Type} action needs a reason code"));
            if (action.Message is not null)
            {
                var diagnostics = new List<Diagnostic>();
                parsed.Message = MessageTemplate.Parse(action.Message, diagnostics);
                Report(errors, $"{path}.message", diagnostics);
            }
        }
        else if (kind == ActionKind.Assert)
        {
            if (!SyntaxFacts.IsCamelCaseIdentifier(action.Fact))
                errors.Add(new RuleError($"{path}.fact", null, null, $"an assert action needs a camelCase fact name but was '{action.Fact}'"));
            if (string.IsNullOrWhiteSpace(action.Value))
                errors.Add(new RuleError($"{path}.value", null, null, "an assert action needs a value expression"));
            else if (SyntaxFacts.IsCamelCaseIdentifier(action.Fact))
                parsed.Value = Parse(action.Value, $"{path}.value", errors);
        }
        rule.Actions.Add(parsed);
    }

    private static SyntaxNode? Parse(string source, string path, List<RuleError> errors)
    {
        try
        {
            return Parser.Parse(source);
        }
        catch (RuleSyntaxException e)
        {
            errors.Add(new RuleError(path, e.Position.Line, e.Position.Column, e.Message));
            return null;
        }
    }

    /// <summary>
    /// A derived fact's type is the type of the values asserted into it. Facts whose values read other facts are
    /// typed after those; a fact whose value depends on itself cannot be typed and is an error.
    /// </summary>
    private static Dictionary<string, Slot> InferFacts(List<ParsedRule> rules, Dictionary<string, Slot> parameters, List<RuleError> errors)
    {
        var asserts = rules.SelectMany(r => r.Actions)
            .Where(a => a.Kind == ActionKind.Assert && a.Value is not null)
            .GroupBy(a => a.Source.Fact!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var facts = new Dictionary<string, Slot>(StringComparer.Ordinal);
        var index = 0;
        var pending = new List<string>(asserts.Keys);
        while (pending.Count > 0)
        {
            var progress = false;
            foreach (var name in pending.ToList())
            {
                // Type the fact from the asserts whose values read only typed facts; the others (e.g. a counter
                // reading its own previous value) are checked against that type when they are bound.
                var ready = asserts[name]
                    .Where(a => SyntaxFacts.FactReferences(a.Value!).All(r => facts.ContainsKey(r) || !asserts.ContainsKey(r)))
                    .ToList();
                if (ready.Count == 0) continue;

                RuleType? type = null;
                foreach (var action in ready)
                {
                    var probe = new ExpressionBinder(action.Source.Value!, new BindingEnvironment { Parameters = parameters, Facts = facts }, []);
                    var valueType = probe.Bind(action.Value!).Type;
                    if (valueType.IsError) continue;
                    if (valueType.Kind == TypeKind.Null)
                    {
                        errors.Add(new RuleError($"{action.Path}.value", 1, 1, $"the type of fact '{name}' cannot be inferred from null"));
                        continue;
                    }
                    if (type is null) type = valueType.NonNullable();
                    else if (type.IsNumeric && valueType.IsNumeric && !type.SameAs(valueType)) type = RuleType.Number;
                }
                facts[name] = new Slot(index++, type ?? RuleType.Error);
                pending.Remove(name);
                progress = true;
            }
            if (progress) continue;
            foreach (var name in pending)
            {
                errors.Add(new RuleError($"{asserts[name][0].Path}.value", 1, 1,
                    $"the type of fact '{name}' cannot be inferred: its value depends on itself (directly or through other facts)"));
                facts[name] = new Slot(index++, RuleType.Error);
            }
            break;
        }
        return facts;
    }
}

/// <summary>The explanation variant: instrumented conditions and the text of each rule's terms.</summary>
internal sealed record ExplainPlan(Func<EvaluationContext, int, bool> Conditions, string[][] Terms);
