using System.Globalization;
using System.Linq.Expressions;
using RuleSuspension.Rules.Engine;
using RuleSuspension.Rules.Language.Lexing;
using RuleSuspension.Rules.Language.Parsing;
using RuleSuspension.Rules.Language.Typing;

namespace RuleSuspension.Rules.Compilation;

internal sealed partial class ExpressionBinder
{
    private static readonly HashSet<string> CollectionMethods = new(StringComparer.Ordinal)
        { "any", "all", "count", "sum", "min", "max", "where", "contains" };

    private static readonly HashSet<string> StringMethods = new(StringComparer.Ordinal)
        { "lower", "upper", "contains", "startsWith", "endsWith", "length" };

    private Bound BindCall(CallSyntax call)
    {
        if (call.Target is null) return BindFunction(call);

        // Fuse "where" into the method that consumes it: list.where(p).sum(s) is one loop, no list is built.
        var source = call.Target;
        var filters = new List<LambdaSyntax>();
        if (CollectionMethods.Contains(call.Name))
        {
            while (source is CallSyntax { Name: "where", Target: not null, Arguments: [LambdaSyntax filter] } inner)
            {
                filters.Insert(0, filter);
                source = inner.Target;
            }
        }
        var target = BindNode(source, receiver: true);
        if (target.IsError) return target;
        if (target.Type.Kind == TypeKind.List && CollectionMethods.Contains(call.Name))
            return BindCollectionMethod(call, target, filters);
        if (filters.Count > 0)
            return Fail(call.Target.Start, $"'where' is not a method of {target.Type}");
        if (target.Type.Kind == TypeKind.String && StringMethods.Contains(call.Name))
            return BindStringMethod(call.Name, target, call.Arguments, call.NameStart);
        return Fail(call.NameStart, $"'{call.Name}' is not a method of {target.Type}");
    }

    private Bound[]? BindArguments(IReadOnlyList<SyntaxNode> arguments)
    {
        var bound = new Bound[arguments.Count];
        var failed = false;
        for (var i = 0; i < arguments.Count; i++)
        {
            bound[i] = Bind(arguments[i]);
            failed |= bound[i].IsError;
        }
        return failed ? null : bound;
    }

    private Bound BindFunction(CallSyntax call)
    {
        var arguments = call.Arguments;
        switch (call.Name)
        {
            case "today" or "now":
                if (arguments.Count != 0) return Fail(call.NameStart, $"'{call.Name}()' takes no arguments");
                return BindIdentifier(new IdentifierSyntax(call.Name, call.Start, call.EndOffset));
            case "lower" or "upper" or "contains" or "startsWith" or "endsWith" or "length":
                if (arguments.Count == 0) return Fail(call.NameStart, $"'{call.Name}' needs a string argument");
                var text = Bind(arguments[0]);
                if (text.IsError) return text;
                if (text.Type.Kind == TypeKind.List && call.Name == "contains")
                    return BindCollectionMethod(call with { Arguments = arguments.Skip(1).ToList() }, text, []);
                if (text.Type.Kind == TypeKind.Json) text = new Bound(ConvertTo(text, RuleType.String.Nullable()), RuleType.String.Nullable());
                if (text.Type.Kind != TypeKind.String)
                    return Fail(arguments[0].Start, $"'{call.Name}' needs a string but found {text.Type}");
                return BindStringMethod(call.Name, text, arguments.Skip(1).ToList(), call.NameStart);
        }

        var bound = BindArguments(arguments);
        if (bound is null) return ErrorBound;
        switch (call.Name)
        {
            case "date":
                if (bound.Length != 1 || bound[0].Type.Kind != TypeKind.String)
                    return Fail(call.NameStart, "'date' needs one string such as date('2026-01-31')");
                if (bound[0].Expression is ConstantExpression { Value: string literal })
                {
                    if (!DateOnly.TryParseExact(literal, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                        return Fail(arguments[0].Start, $"'{literal}' is not a date in the form yyyy-MM-dd");
                    return new Bound(Expression.Constant(date), RuleType.Date);
                }
                return new Bound(Call(nameof(RuleRuntime.ParseDate), bound[0].Expression), RuleType.Date.Nullable());
            case "daysSince":
                if (bound.Length != 1) return Fail(call.NameStart, "'daysSince' needs one date");
                return DaysBetween(bound[0], ClockFor(bound[0]), call, arguments[0].Start);
            case "daysBetween":
                if (bound.Length != 2) return Fail(call.NameStart, "'daysBetween' needs two dates");
                return DaysBetween(bound[0], bound[1], call, arguments[1].Start);
            case "addDays":
                if (bound.Length != 2 || !bound[1].Type.IsNumeric)
                    return Fail(call.NameStart, "'addDays' needs a date and a number of days");
                var days = ConvertTo(bound[1], RuleType.Number.WithNullability(bound[1].Type.IsNullable));
                return bound[0].Type.Kind switch
                {
                    // Null when the result is past the range of dates.
                    TypeKind.Date => LiftCall(Runtime(nameof(RuleRuntime.AddDays)), RuleType.Date.Nullable(), bound[0].Expression, days),
                    TypeKind.DateTime => LiftCall(Runtime(nameof(RuleRuntime.AddDaysToInstant)), RuleType.DateTime.Nullable(), bound[0].Expression, days),
                    _ => Fail(arguments[0].Start, $"'addDays' needs a date or datetime but found {bound[0].Type}"),
                };
            case "abs":
                if (bound.Length != 1 || !bound[0].Type.IsNumeric) return Fail(call.NameStart, "'abs' needs one number");
                return LiftCall(typeof(RuleRuntime).GetMethod(nameof(RuleRuntime.Abs))!, RuleType.Number.WithNullability(bound[0].Type.IsNullable),
                    ConvertTo(bound[0], RuleType.Number.WithNullability(bound[0].Type.IsNullable)));
            case "round":
                if (bound.Length is < 1 or > 2 || !bound.All(b => b.Type.IsNumeric))
                    return Fail(call.NameStart, "'round' needs a number and optionally a number of decimals");
                var nullable = bound.Any(b => b.Type.IsNullable);
                var digits = bound.Length == 2 ? ConvertTo(bound[1], RuleType.Number.WithNullability(bound[1].Type.IsNullable)) : Expression.Constant(0m);
                return LiftCall(typeof(RuleRuntime).GetMethod(nameof(RuleRuntime.Round))!, RuleType.Number.WithNullability(nullable),
                    ConvertTo(bound[0], RuleType.Number.WithNullability(bound[0].Type.IsNullable)), digits);
            default:
                return Fail(call.NameStart, $"unknown function '{call.Name}'");
        }
    }

    private Bound ClockFor(Bound value)
    {
        var facts = Expression.Field(Context, nameof(EvaluationContext.Facts));
        return value.Type.Kind == TypeKind.DateTime
            ? new Bound(Expression.Property(facts, "Now"), RuleType.DateTime)
            : new Bound(Expression.Property(facts, "Today"), RuleType.Date);
    }

    private Bound DaysBetween(Bound from, Bound to, CallSyntax call, SourcePosition position)
    {
        if (from.Type.Kind is not (TypeKind.Date or TypeKind.DateTime) || !from.Type.SameAs(to.Type))
            return Fail(position, $"'{call.Name}' needs dates (or datetimes) but found {from.Type} and {to.Type}");
        var method = typeof(RuleRuntime).GetMethod(from.Type.Kind == TypeKind.Date ? nameof(RuleRuntime.DaysBetween) : nameof(RuleRuntime.DaysBetweenInstants))!;
        return LiftCall(method, RuleType.Integer.WithNullability(from.Type.IsNullable || to.Type.IsNullable), from.Expression, to.Expression);
    }

    private Bound BindStringMethod(string name, Bound text, IReadOnlyList<SyntaxNode> arguments, SourcePosition position)
    {
        var bound = BindArguments(arguments);
        if (bound is null) return ErrorBound;
        switch (name)
        {
            case "lower" or "upper" or "length":
                if (bound.Length != 0) return Fail(position, $"'{name}' takes no arguments");
                return name == "length"
                    ? new Bound(Call(nameof(RuleRuntime.Length), text.Expression), RuleType.Integer.Nullable())
                    : new Bound(Call(name == "lower" ? nameof(RuleRuntime.Lower) : nameof(RuleRuntime.Upper), text.Expression), text.Type);
            default:
                if (bound.Length != 1) return Fail(position, $"'{name}' needs one string argument");
                var part = bound[0];
                if (part.Type.Kind == TypeKind.Json) part = new Bound(ConvertTo(part, RuleType.String.Nullable()), RuleType.String.Nullable());
                if (part.Type.Kind is not (TypeKind.String or TypeKind.Null))
                    return Fail(arguments[0].Start, $"'{name}' needs a string but found {part.Type}");
                var method = name switch
                {
                    "contains" => nameof(RuleRuntime.Contains),
                    "startsWith" => nameof(RuleRuntime.StartsWith),
                    _ => nameof(RuleRuntime.EndsWith),
                };
                return new Bound(Call(method, text.Expression, ConvertTo(part, RuleType.String)), RuleType.Boolean);
        }
    }
}
