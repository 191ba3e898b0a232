using System.Linq.Expressions;
using RuleSuspension.Rules.Engine;
using RuleSuspension.Rules.Language.Lexing;
using RuleSuspension.Rules.Language.Parsing;
using RuleSuspension.Rules.Language.Typing;

namespace RuleSuspension.Rules.Compilation;

/// <summary>
/// The type checker: binds a syntax tree against the fact schema, parameters and derived facts, and emits the
/// typed System.Linq.Expressions tree it compiles to. Every error is collected with its position; binding
/// continues past errors (as the error type) so that one pass reports all of them.
/// Only schema members and <see cref="RuleRuntime"/> methods are ever emitted: nothing else is reachable.
/// </summary>
internal sealed partial class ExpressionBinder
{
    private readonly string _source;
    private readonly BindingEnvironment _environment;
    private readonly List<Diagnostic> _diagnostics;
    private readonly List<string>? _terms;
    private readonly Dictionary<string, Bound> _locals = new(StringComparer.Ordinal);
    private int _lambdaDepth;

    /// <param name="source">The expression text (for term texts in explanations).</param>
    /// <param name="environment">Parameters and derived facts in scope.</param>
    /// <param name="diagnostics">Receives the errors.</param>
    /// <param name="terms">When not null, conditions are instrumented to record their terms, whose texts are added here.</param>
    public ExpressionBinder(string source, BindingEnvironment environment, List<Diagnostic> diagnostics, List<string>? terms = null)
    {
        _source = source;
        _environment = environment;
        _diagnostics = diagnostics;
        _terms = terms;
    }

    private static ParameterExpression Context => BindingEnvironment.ContextParameter;

    /// <summary>Names of the derived facts the bound expressions read (the rule's dependencies).</summary>
    public HashSet<string> FactsRead { get; } = new(StringComparer.Ordinal);

    /// <summary>The fact model roots (<c>customer</c>, <c>invoices</c>, ...) the bound expressions read.</summary>
    public HashSet<string> RootsRead { get; } = new(StringComparer.Ordinal);

    public Bound Bind(SyntaxNode node) => BindNode(node, receiver: false);

    /// <summary>Binds a condition: the result must be boolean (null counts as false).</summary>
    public Expression BindCondition(SyntaxNode node)
    {
        var bound = Bind(node);
        if (bound.IsError) return Expression.Constant(false);
        if (bound.Type.Kind is not (TypeKind.Boolean or TypeKind.Json or TypeKind.Null))
        {
            Error(node.Start, $"a condition must be boolean but this expression is {bound.Type}");
            return Expression.Constant(false);
        }
        return AsCondition(bound, node.Start);
    }

    private Bound BindNode(SyntaxNode node, bool receiver)
    {
        var bound = node switch
        {
            LiteralSyntax literal => BindLiteral(literal),
            IdentifierSyntax identifier => BindIdentifier(identifier),
            MemberSyntax member => BindMember(member),
            IndexSyntax index => BindIndex(index),
            CallSyntax call => BindCall(call),
            UnarySyntax unary => BindUnary(unary),
            BinarySyntax binary => BindBinary(binary),
            InSyntax @in => BindIn(@in),
            ListSyntax list => BindList(list),
            LambdaSyntax lambda => Fail(lambda.Start, "a lambda such as 'i => ...' is only allowed as the argument of a collection method"),
            _ => Fail(node.Start, "unsupported expression"),
        };
        return _terms is not null && _lambdaDepth == 0 && !receiver && IsTerm(node, bound) ? Record(node, bound) : bound;
    }

    private static bool IsTerm(SyntaxNode node, Bound bound)
    {
        if (bound.IsError || bound.Type.Kind == TypeKind.Null || !bound.Type.IsScalar) return false;
        return node switch
        {
            BinarySyntax b => b.Operator is TokenKind.EqualEqual or TokenKind.BangEqual or TokenKind.Less or TokenKind.LessEqual
                or TokenKind.Greater or TokenKind.GreaterEqual,
            InSyntax or MemberSyntax or IndexSyntax or CallSyntax => true,
            IdentifierSyntax => true,
            _ => false,
        };
    }

    private Bound Record(SyntaxNode node, Bound bound)
    {
        var index = _terms!.Count;
        _terms.Add(_source[node.Start.Offset..node.EndOffset]);
        var record = typeof(RuleRuntime).GetMethod(nameof(RuleRuntime.Record))!.MakeGenericMethod(bound.Expression.Type);
        return bound with { Expression = Expression.Call(record, Context, Expression.Constant(index), bound.Expression) };
    }

    private Bound Fail(SourcePosition position, string message)
    {
        Error(position, message);
        return new Bound(Expression.Default(typeof(object)), RuleType.Error);
    }

    private void Error(SourcePosition position, string message) => _diagnostics.Add(new Diagnostic(position, message));

    private static Bound ErrorBound => new(Expression.Default(typeof(object)), RuleType.Error);

    private static Bound BindLiteral(LiteralSyntax literal) => literal.Kind switch
    {
        TokenKind.Number => new Bound(Expression.Constant((decimal)literal.Value!), RuleType.Number),
        TokenKind.String => new Bound(Expression.Constant((string)literal.Value!), RuleType.String),
        TokenKind.Date => new Bound(Expression.Constant((DateOnly)literal.Value!), RuleType.Date),
        TokenKind.Duration => new Bound(Expression.Constant((TimeSpan)literal.Value!), RuleType.Duration),
        TokenKind.True => new Bound(Expression.Constant((bool)literal.Value!), RuleType.Boolean),
        _ => new Bound(Expression.Constant(null), RuleType.Null),
    };

    private Bound BindIdentifier(IdentifierSyntax identifier)
    {
        if (_locals.TryGetValue(identifier.Name, out var local)) return local;
        if (FactSchema.Roots.TryGetValue(identifier.Name, out var root))
        {
            RootsRead.Add(root.Name);
            return new Bound(Expression.Property(Expression.Field(Context, nameof(EvaluationContext.Facts)), root.FactSetProperty), root.Type);
        }
        if (identifier.Name is "params" or "facts")
            return Fail(identifier.Start, $"'{identifier.Name}' must be followed by '.name'");
        return Fail(identifier.Start, $"unknown identifier '{identifier.Name}'{Hint(identifier.Name)}");
    }

    private static string Hint(string name) =>
        name.Length > 0 && char.IsUpper(name[0])
            ? " (names are camelCase and only the fact model, params, facts and the language's functions are reachable)"
            : " (expected customer, invoices, opportunity, plan, event, decision, variables, today, now, params or facts)";

    private Bound BindMember(MemberSyntax member)
    {
        if (member.Target is IdentifierSyntax { Name: "params" } p && !_locals.ContainsKey("params"))
            return BindParameter(member, p);
        if (member.Target is IdentifierSyntax { Name: "facts" } f && !_locals.ContainsKey("facts"))
            return BindFact(member, f);

        var target = BindNode(member.Target, receiver: true);
        if (target.IsError) return target;
        return MemberOf(target, member.Name, member.NameStart);
    }

    private Bound MemberOf(Bound target, string name, SourcePosition position)
    {
        switch (target.Type.Kind)
        {
            case TypeKind.Object:
                var schemaMember = target.Type.Schema!.Find(name);
                if (schemaMember is null)
                    return Fail(position, $"{target.Type.Schema.Name} has no member '{name}'");
                return target.Type.IsNullable
                    ? NullSafe(target, value => new Bound(schemaMember.Read(value), schemaMember.Type))
                    : new Bound(schemaMember.Read(target.Expression), schemaMember.Type);
            case TypeKind.Json:
                return new Bound(Call(nameof(RuleRuntime.JsonProperty), target.Expression, Expression.Constant(name)), RuleType.Json);
            case TypeKind.Map:
                return MapLookup(target, new Bound(Expression.Constant(name), RuleType.String));
            default:
                return Fail(position, $"{target.Type} has no member '{name}'");
        }
    }

    private Bound BindParameter(MemberSyntax member, IdentifierSyntax root)
    {
        if (_environment.Parameters is null)
            return Fail(root.Start, "parameters are not available here: 'params' exists only in rule sets");
        if (!_environment.Parameters.TryGetValue(member.Name, out var slot))
            return Fail(member.NameStart, $"unknown parameter '{member.Name}'");
        var value = Expression.ArrayIndex(Expression.Field(Context, nameof(EvaluationContext.Params)), Expression.Constant(slot.Index));
        return new Bound(Expression.Convert(value, slot.Type.ClrType), slot.Type);
    }

    private Bound BindFact(MemberSyntax member, IdentifierSyntax root)
    {
        if (_environment.Facts is null)
            return Fail(root.Start, "derived facts are not available here: 'facts' exists only in rule sets");
        FactsRead.Add(member.Name);
        if (!_environment.Facts.TryGetValue(member.Name, out var slot))
            return Fail(member.NameStart, $"unknown fact '{member.Name}': no rule asserts it");
        if (slot.Type.IsError) return ErrorBound;
        var type = slot.Type.Nullable();
        var cellType = typeof(FactCell<>).MakeGenericType(type.ClrType);
        var cell = Expression.Convert(
            Expression.ArrayIndex(Expression.Field(Context, nameof(EvaluationContext.Cells)), Expression.Constant(slot.Index)), cellType);
        return new Bound(Expression.Field(cell, "Value"), type);
    }

    private Bound BindIndex(IndexSyntax index)
    {
        var target = BindNode(index.Target, receiver: true);
        var key = Bind(index.Index);
        if (target.IsError || key.IsError) return ErrorBound;
        switch (target.Type.Kind)
        {
            case TypeKind.Map:
                if (key.Type.Kind is not (TypeKind.String or TypeKind.Json or TypeKind.Null))
                    return Fail(index.Index.Start, $"a map is indexed by a string but this index is {key.Type}");
                return MapLookup(target, key);
            case TypeKind.List:
                if (!key.Type.IsNumeric)
                    return Fail(index.Index.Start, $"a list is indexed by a number but this index is {key.Type}");
                return ListLookup(target, key);
            case TypeKind.Json:
                if (key.Type.Kind == TypeKind.String)
                    return new Bound(Call(nameof(RuleRuntime.JsonProperty), target.Expression, key.Expression), RuleType.Json);
                if (key.Type.IsNumeric)
                    return LiftCall(typeof(RuleRuntime).GetMethod(nameof(RuleRuntime.JsonItem))!, RuleType.Json, target.Expression, ToInt(key));
                return Fail(index.Index.Start, $"json is indexed by a string or a number but this index is {key.Type}");
            default:
                return Fail(index.Start, $"{target.Type} cannot be indexed");
        }
    }

    private Bound MapLookup(Bound map, Bound key)
    {
        var keyExpression = key.Type.Kind switch
        {
            TypeKind.Json => Call(nameof(RuleRuntime.JsonAsString), key.Expression),
            TypeKind.Null => Expression.Constant(null, typeof(string)),
            _ => key.Expression,
        };
        var value = map.Type.Element!;
        if (value.Kind == TypeKind.Json)
            return new Bound(Call(nameof(RuleRuntime.MapJson), map.Expression, keyExpression), RuleType.Json);
        var method = typeof(RuleRuntime).GetMethod(value.IsValueType ? nameof(RuleRuntime.MapValue) : nameof(RuleRuntime.MapReference))!
            .MakeGenericMethod(value.ClrType);
        return new Bound(Expression.Call(method, map.Expression, keyExpression), value.Nullable());
    }

    private Bound ListLookup(Bound list, Bound index)
    {
        var element = list.Type.Element!;
        var method = typeof(RuleRuntime).GetMethod(element.IsValueType ? nameof(RuleRuntime.ListValue) : nameof(RuleRuntime.ListReference))!
            .MakeGenericMethod(element.ClrType);
        if (element.Kind == TypeKind.Json)
            return Fail(default, "lists of json are not supported");
        return LiftCall(method, element.Nullable(), list.Expression, ToInt(index));
    }

    /// <summary>An index as int; a number out of int's range (or null) becomes -1, which reads no element.</summary>
    private static Expression ToInt(Bound number) =>
        number.Type is { Kind: TypeKind.Integer, IsNullable: false } ? number.Expression
        : Expression.Call(Runtime(nameof(RuleRuntime.ListIndex)), ConvertTo(number, RuleType.Number.Nullable()));

    /// <summary>Member access on a possibly-null object yields null instead of failing.</summary>
    private static Bound NullSafe(Bound target, Func<Expression, Bound> read)
    {
        var variable = Expression.Variable(target.Expression.Type, "target");
        var inner = read(variable);
        var type = inner.Type.Nullable();
        var clr = type.ClrType;
        var body = Expression.Block(clr, [variable],
            Expression.Assign(variable, target.Expression),
            Expression.Condition(
                Expression.Equal(variable, Expression.Constant(null, variable.Type)),
                Expression.Default(clr),
                Convert(inner.Expression, clr)));
        return new Bound(body, type);
    }

    private static Expression Convert(Expression expression, Type type) =>
        expression.Type == type ? expression : Expression.Convert(expression, type);

    private static System.Reflection.MethodInfo Runtime(string name) =>
        typeof(RuleRuntime).GetMethod(name) ?? throw new InvalidOperationException($"RuleRuntime.{name} not found");

    private static MethodCallExpression Call(string runtimeMethod, params Expression[] arguments) =>
        Expression.Call(typeof(RuleRuntime).GetMethod(runtimeMethod, arguments.Select(a => a.Type).ToArray())
            ?? throw new InvalidOperationException($"RuleRuntime.{runtimeMethod} not found"), arguments);

    /// <summary>
    /// Calls a runtime method whose parameters are non-nullable value types with possibly-nullable arguments:
    /// if any nullable argument is null the result is null, as in lifted C# operators.
    /// </summary>
    private static Bound LiftCall(System.Reflection.MethodInfo method, RuleType result, params Expression[] arguments)
    {
        var parameters = method.GetParameters();
        var variables = new List<ParameterExpression>();
        var steps = new List<Expression>();
        Expression? hasValues = null;
        var callArguments = new Expression[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            var argument = arguments[i];
            var parameterType = parameters[i].ParameterType;
            if (argument.Type != parameterType && Nullable.GetUnderlyingType(argument.Type) == parameterType)
            {
                var variable = Expression.Variable(argument.Type);
                variables.Add(variable);
                steps.Add(Expression.Assign(variable, argument));
                var hasValue = Expression.Property(variable, "HasValue");
                hasValues = hasValues is null ? hasValue : Expression.AndAlso(hasValues, hasValue);
                callArguments[i] = Expression.Property(variable, "Value");
            }
            else
            {
                callArguments[i] = Convert(argument, parameterType);
            }
        }
        var call = Expression.Call(method, callArguments);
        if (variables.Count == 0)
            return new Bound(Convert(call, result.ClrType), result);
        var nullable = result.Nullable();
        steps.Add(Expression.Condition(hasValues!, Convert(call, nullable.ClrType), Expression.Default(nullable.ClrType)));
        return new Bound(Expression.Block(nullable.ClrType, variables, steps), nullable);
    }
}
