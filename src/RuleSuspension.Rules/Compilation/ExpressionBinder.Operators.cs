using System.Linq.Expressions;
using RuleSuspension.Rules.Language.Lexing;
using RuleSuspension.Rules.Language.Parsing;
using RuleSuspension.Rules.Language.Typing;

namespace RuleSuspension.Rules.Compilation;

internal sealed partial class ExpressionBinder
{
    /// <summary>Boolean context: null (and a json value other than true) counts as false.</summary>
    private Expression AsCondition(Bound bound, SourcePosition position)
    {
        switch (bound.Type.Kind)
        {
            case TypeKind.Error:
            case TypeKind.Null:
                return Expression.Constant(false);
            case TypeKind.Boolean:
                return bound.Type.IsNullable ? Expression.Call(bound.Expression, "GetValueOrDefault", Type.EmptyTypes) : bound.Expression;
            case TypeKind.Json:
                return Call(nameof(RuleRuntime.JsonTruthy), bound.Expression);
            default:
                Error(position, $"expected a boolean but found {bound.Type}");
                return Expression.Constant(false);
        }
    }

    private Bound BindUnary(UnarySyntax unary)
    {
        var operand = Bind(unary.Operand);
        if (operand.IsError) return operand;
        if (unary.Operator == TokenKind.Bang)
        {
            if (operand.Type.Kind is not (TypeKind.Boolean or TypeKind.Json or TypeKind.Null))
                return Fail(unary.Operand.Start, $"'!' needs a boolean but found {operand.Type}");
            return new Bound(Expression.Not(AsCondition(operand, unary.Operand.Start)), RuleType.Boolean);
        }
        if (operand.Type.IsNumeric)
        {
            var type = RuleType.Number.WithNullability(operand.Type.IsNullable);
            return new Bound(Expression.Negate(ConvertTo(operand, type)), type);
        }
        if (operand.Type.Kind == TypeKind.Duration)
            return LiftCall(Runtime(nameof(RuleRuntime.NegateDuration)), RuleType.Duration.Nullable(), operand.Expression);
        return Fail(unary.Operand.Start, $"'-' needs a number or a duration but found {operand.Type}");
    }

    private Bound BindBinary(BinarySyntax binary)
    {
        var left = Bind(binary.Left);
        var right = Bind(binary.Right);
        if (left.IsError || right.IsError) return ErrorBound;
        switch (binary.Operator)
        {
            case TokenKind.AmpAmp:
            case TokenKind.PipePipe:
                var symbol = binary.Operator == TokenKind.AmpAmp ? "&&" : "||";
                if (left.Type.Kind is not (TypeKind.Boolean or TypeKind.Json or TypeKind.Null))
                    return Fail(binary.Left.Start, $"'{symbol}' needs booleans but its left side is {left.Type}");
                if (right.Type.Kind is not (TypeKind.Boolean or TypeKind.Json or TypeKind.Null))
                    return Fail(binary.Right.Start, $"'{symbol}' needs booleans but its right side is {right.Type}");
                var l = AsCondition(left, binary.Left.Start);
                var r = AsCondition(right, binary.Right.Start);
                return new Bound(binary.Operator == TokenKind.AmpAmp ? Expression.AndAlso(l, r) : Expression.OrElse(l, r), RuleType.Boolean);
            case TokenKind.EqualEqual:
            case TokenKind.BangEqual:
            case TokenKind.Less:
            case TokenKind.LessEqual:
            case TokenKind.Greater:
            case TokenKind.GreaterEqual:
                return Compare(binary.Operator, left, right, binary.OperatorStart);
            case TokenKind.QuestionQuestion:
                return Coalesce(left, right, binary.OperatorStart);
            default:
                return Arithmetic(binary.Operator, left, right, binary.OperatorStart);
        }
    }

    /// <summary>
    /// Converts to a target type: integer widens to number, T to T?, null to the target's null, and json is
    /// coerced at runtime (null when it does not hold a value of that type).
    /// </summary>
    internal static Expression ConvertTo(Bound bound, RuleType target)
    {
        var clr = target.ClrType;
        if (bound.Type.Kind == TypeKind.Null) return Expression.Default(clr);
        if (bound.Type.Kind == TypeKind.Json && target.Kind != TypeKind.Json)
        {
            var coerced = target.Kind switch
            {
                TypeKind.Number or TypeKind.Integer => Call(nameof(RuleRuntime.JsonAsNumber), bound.Expression),
                TypeKind.String => Call(nameof(RuleRuntime.JsonAsString), bound.Expression),
                TypeKind.Boolean => Call(nameof(RuleRuntime.JsonAsBoolean), bound.Expression),
                TypeKind.Date => Call(nameof(RuleRuntime.JsonAsDate), bound.Expression),
                TypeKind.DateTime => Call(nameof(RuleRuntime.JsonAsDateTime), bound.Expression),
                _ => throw new InvalidOperationException($"json cannot become {target}"),
            };
            return Convert(coerced, clr);
        }
        return Convert(bound.Expression, clr);
    }

    private static bool JsonCoercible(RuleType type) =>
        type.Kind is TypeKind.Number or TypeKind.Integer or TypeKind.String or TypeKind.Boolean or TypeKind.Date or TypeKind.DateTime;

    /// <summary>
    /// The common type two operands are compared or combined in. Integer stays integer only against integer (or a
    /// whole-number literal, so <c>i.daysOverdue &gt; 30</c> compares ints); otherwise numbers are decimal.
    /// </summary>
    private static RuleType? CommonType(ref Bound left, ref Bound right)
    {
        if (left.Type.IsNumeric && right.Type.IsNumeric)
        {
            if (left.Type.Kind == TypeKind.Integer && IntegralLiteral(right) is { } r)
                right = new Bound(Expression.Constant(r), RuleType.Integer);
            else if (right.Type.Kind == TypeKind.Integer && IntegralLiteral(left) is { } l)
                left = new Bound(Expression.Constant(l), RuleType.Integer);
            return left.Type.Kind == TypeKind.Integer && right.Type.Kind == TypeKind.Integer ? RuleType.Integer : RuleType.Number;
        }
        return left.Type.SameAs(right.Type) ? left.Type.NonNullable() : null;
    }

    private static int? IntegralLiteral(Bound bound) =>
        bound.Expression is ConstantExpression { Value: decimal d } && d == decimal.Truncate(d) && d is >= int.MinValue and <= int.MaxValue
            ? (int)d : null;

    private Bound Compare(TokenKind op, Bound left, Bound right, SourcePosition position)
    {
        var symbol = Symbol(op);
        var equality = op is TokenKind.EqualEqual or TokenKind.BangEqual;
        if (left.Type.Kind == TypeKind.Null || right.Type.Kind == TypeKind.Null)
        {
            if (!equality) return Fail(position, $"'{symbol}' cannot compare with null");
            var other = left.Type.Kind == TypeKind.Null ? right : left;
            Expression isNull = other.Type.Kind switch
            {
                TypeKind.Null => Expression.Constant(true),
                TypeKind.Json => Call(nameof(RuleRuntime.JsonIsNull), other.Expression),
                _ when other.Type.IsNullable || !other.Type.IsValueType =>
                    Expression.Equal(other.Expression, Expression.Constant(null, other.Expression.Type)),
                _ => Expression.Constant(false),
            };
            return new Bound(op == TokenKind.EqualEqual ? isNull : Expression.Not(isNull), RuleType.Boolean);
        }
        if (left.Type.Kind == TypeKind.Json && right.Type.Kind == TypeKind.Json)
        {
            if (!equality) return Fail(position, $"'{symbol}' cannot order two json values; compare json with a typed value");
            Expression equal = Call(nameof(RuleRuntime.JsonEquals), left.Expression, right.Expression);
            return new Bound(op == TokenKind.EqualEqual ? equal : Expression.Not(equal), RuleType.Boolean);
        }
        // json against a typed value is coerced to that type at runtime (null if it does not hold one).
        if (left.Type.Kind == TypeKind.Json)
        {
            if (!JsonCoercible(right.Type)) return Fail(position, $"cannot compare json with {right.Type}");
            left = new Bound(ConvertTo(left, right.Type.Nullable()), right.Type.Nullable());
        }
        else if (right.Type.Kind == TypeKind.Json)
        {
            if (!JsonCoercible(left.Type)) return Fail(position, $"cannot compare {left.Type} with json");
            right = new Bound(ConvertTo(right, left.Type.Nullable()), left.Type.Nullable());
        }

        var common = CommonType(ref left, ref right);
        if (common is null || common.Kind is TypeKind.List or TypeKind.Map or TypeKind.Object)
            return Fail(position, $"cannot compare {left.Type} with {right.Type} using '{symbol}'");
        if (!equality && common.Kind == TypeKind.Boolean)
            return Fail(position, $"'{symbol}' cannot order booleans");

        var nullable = left.Type.IsNullable || right.Type.IsNullable;
        var type = common.WithNullability(nullable);
        var l = ConvertTo(left, type);
        var r = ConvertTo(right, type);
        var kind = op switch
        {
            TokenKind.EqualEqual => ExpressionType.Equal,
            TokenKind.BangEqual => ExpressionType.NotEqual,
            TokenKind.Less => ExpressionType.LessThan,
            TokenKind.LessEqual => ExpressionType.LessThanOrEqual,
            TokenKind.Greater => ExpressionType.GreaterThan,
            _ => ExpressionType.GreaterThanOrEqual,
        };
        if (common.Kind == TypeKind.String && !equality)
        {
            var comparison = Call(nameof(RuleRuntime.CompareOrdinal), l, r);
            return new Bound(Expression.MakeBinary(kind, comparison, Expression.Constant(0, typeof(int?)), false, null), RuleType.Boolean);
        }
        // Lifted comparisons: null compares unequal to any value and false for ordering, as in C#.
        return new Bound(Expression.MakeBinary(kind, l, r, false, null), RuleType.Boolean);
    }

    private static string Symbol(TokenKind op) => op switch
    {
        TokenKind.EqualEqual => "==",
        TokenKind.BangEqual => "!=",
        TokenKind.Less => "<",
        TokenKind.LessEqual => "<=",
        TokenKind.Greater => ">",
        TokenKind.GreaterEqual => ">=",
        TokenKind.Plus => "+",
        TokenKind.Minus => "-",
        TokenKind.Star => "*",
        TokenKind.Slash => "/",
        TokenKind.Percent => "%",
        _ => op.ToString(),
    };

    private Bound Coalesce(Bound left, Bound right, SourcePosition position)
    {
        if (left.Type.Kind == TypeKind.Null) return right;
        if (left.Type.Kind == TypeKind.Json)
        {
            if (right.Type.Kind == TypeKind.Json)
                return new Bound(Call(nameof(RuleRuntime.JsonCoalesce), left.Expression, right.Expression), RuleType.Json);
            if (right.Type.Kind == TypeKind.Null) return left;
            if (!JsonCoercible(right.Type)) return Fail(position, $"'??' cannot combine json with {right.Type}");
            left = new Bound(ConvertTo(left, right.Type.Nullable()), right.Type.Nullable());
        }
        if (right.Type.Kind == TypeKind.Null) return left;
        if (!left.Type.IsNullable) return left;
        var common = CommonType(ref left, ref right);
        if (common is null)
            return Fail(position, $"'??' needs both sides of one type but found {left.Type} and {right.Type}");
        var l = ConvertTo(left, common.Nullable());
        var resultType = common.WithNullability(right.Type.IsNullable);
        var r = ConvertTo(right, resultType);
        return new Bound(Expression.Coalesce(l, r), resultType);
    }

    private Bound Arithmetic(TokenKind op, Bound left, Bound right, SourcePosition position)
    {
        var (lt, rt) = (left.Type.Kind, right.Type.Kind);
        var nullable = left.Type.IsNullable || right.Type.IsNullable;
        if (left.Type.IsNumeric && right.Type.IsNumeric)
        {
            var type = RuleType.Number.WithNullability(nullable);
            var l = ConvertTo(left, type);
            var r = ConvertTo(right, type);
            // Division by zero and overflow yield null rather than failing the evaluation.
            var method = op switch
            {
                TokenKind.Plus => nameof(RuleRuntime.Add),
                TokenKind.Minus => nameof(RuleRuntime.Subtract),
                TokenKind.Star => nameof(RuleRuntime.Multiply),
                TokenKind.Slash => nameof(RuleRuntime.Divide),
                _ => nameof(RuleRuntime.Remainder),
            };
            return LiftCall(Runtime(method), RuleType.Number.Nullable(), l, r);
        }
        if (op == TokenKind.Plus && lt == TypeKind.String && rt == TypeKind.String)
            return new Bound(Call(nameof(RuleRuntime.Concat), left.Expression, right.Expression), RuleType.String);

        if (op is TokenKind.Plus or TokenKind.Minus)
        {
            var plus = op == TokenKind.Plus;
            switch (lt, rt)
            {
                // Results past the range of dates or durations are null, like an overflowing number.
                case (TypeKind.Date, TypeKind.Duration):
                    return LiftCall(Runtime(plus ? nameof(RuleRuntime.DatePlus) : nameof(RuleRuntime.DateMinus)),
                        RuleType.Date.Nullable(), left.Expression, right.Expression);
                case (TypeKind.Duration, TypeKind.Date) when plus:
                    return LiftCall(Runtime(nameof(RuleRuntime.DatePlus)), RuleType.Date.Nullable(), right.Expression, left.Expression);
                case (TypeKind.Date, TypeKind.Date) when !plus:
                    return LiftCall(Runtime(nameof(RuleRuntime.DateDifference)),
                        RuleType.Duration.WithNullability(nullable), left.Expression, right.Expression);
                case (TypeKind.DateTime, TypeKind.Duration):
                    return LiftCall(Runtime(plus ? nameof(RuleRuntime.InstantPlus) : nameof(RuleRuntime.InstantMinus)),
                        RuleType.DateTime.Nullable(), left.Expression, right.Expression);
                case (TypeKind.Duration, TypeKind.Duration):
                    return LiftCall(Runtime(plus ? nameof(RuleRuntime.DurationPlus) : nameof(RuleRuntime.DurationMinus)),
                        RuleType.Duration.Nullable(), left.Expression, right.Expression);
                case (TypeKind.DateTime, TypeKind.DateTime) when !plus:
                    // Any two instants are less than TimeSpan.MaxValue apart.
                    var type = RuleType.Duration.WithNullability(nullable);
                    var l = ConvertTo(left, left.Type.WithNullability(nullable));
                    var r = ConvertTo(right, right.Type.WithNullability(nullable));
                    return new Bound(Expression.Subtract(l, r), type);
            }
        }
        return Fail(position, $"'{Symbol(op)}' cannot combine {left.Type} and {right.Type}");
    }

    private Bound BindIn(InSyntax node)
    {
        var value = Bind(node.Value);
        if (value.IsError) return value;
        Bound result;
        if (node.List is ListSyntax literal)
        {
            // x in [a, b] compiles to (x == a || x == b) on a temporary: no list is built.
            var temp = Expression.Variable(value.Expression.Type, "value");
            var tempBound = new Bound(temp, value.Type);
            Expression? any = null;
            foreach (var item in literal.Items)
            {
                var itemBound = Bind(item);
                if (itemBound.IsError) return itemBound;
                var equal = Compare(TokenKind.EqualEqual, tempBound, itemBound, item.Start);
                if (equal.IsError) return equal;
                any = any is null ? equal.Expression : Expression.OrElse(any, equal.Expression);
            }
            result = new Bound(
                Expression.Block(typeof(bool), [temp], Expression.Assign(temp, value.Expression), any ?? Expression.Constant(false)),
                RuleType.Boolean);
        }
        else
        {
            var list = Bind(node.List);
            if (list.IsError) return list;
            if (list.Type.Kind != TypeKind.List)
                return Fail(node.List.Start, $"'in' needs a list on its right but found {list.Type}");
            result = Contains(list, value, node.OperatorStart);
            if (result.IsError) return result;
        }
        return node.Negated ? new Bound(Expression.Not(result.Expression), RuleType.Boolean) : result;
    }

    private Bound Contains(Bound list, Bound value, SourcePosition position)
    {
        var element = list.Type.Element!;
        if (value.Type.Kind == TypeKind.Null)
            return new Bound(Expression.Constant(false), RuleType.Boolean);
        if (value.Type.Kind == TypeKind.Json && JsonCoercible(element))
            value = new Bound(ConvertTo(value, element.Nullable()), element.Nullable());
        else if (value.Type.Kind == TypeKind.Integer && element.Kind == TypeKind.Number)
            value = new Bound(ConvertTo(value, RuleType.Number.WithNullability(value.Type.IsNullable)), RuleType.Number.WithNullability(value.Type.IsNullable));
        if (!value.Type.SameAs(element) || !element.IsScalar)
            return Fail(position, $"cannot look for {value.Type} in {list.Type}");
        var method = typeof(RuleRuntime).GetMethods()
            .Single(m => m.Name == nameof(RuleRuntime.Contains) && m.IsGenericMethodDefinition)
            .MakeGenericMethod(element.ClrType);
        // A search walks the list: it is charged to the evaluation budget like a loop.
        var listType = typeof(IReadOnlyList<>).MakeGenericType(element.ClrType);
        var charged = Expression.Call(Runtime(nameof(RuleRuntime.Charged)).MakeGenericMethod(element.ClrType), Context, Convert(list.Expression, listType));
        var call = LiftCall(method, RuleType.Boolean, charged, value.Expression);
        return call.Type.IsNullable
            ? new Bound(Expression.Coalesce(call.Expression, Expression.Constant(false)), RuleType.Boolean)
            : call;
    }

    private Bound BindList(ListSyntax list)
    {
        if (list.Items.Count == 0)
            return Fail(list.Start, "an empty list has no element type; use it only after 'in'");
        var items = new List<Bound>();
        foreach (var item in list.Items)
        {
            var bound = Bind(item);
            if (bound.IsError) return bound;
            items.Add(bound);
        }
        var element = items[0].Type.NonNullable();
        foreach (var item in items.Skip(1))
        {
            if (element.IsNumeric && item.Type.IsNumeric)
                element = element.Kind == TypeKind.Integer && item.Type.Kind == TypeKind.Integer ? RuleType.Integer : RuleType.Number;
            else if (!item.Type.SameAs(element))
                return Fail(list.Start, $"list items must share one type but found {element} and {item.Type}");
        }
        if (!element.IsScalar || element.Kind is TypeKind.Null or TypeKind.Json)
            return Fail(list.Start, $"lists of {element} are not supported");
        if (items.Any(i => i.Type.IsNullable && element.IsValueType))
            return Fail(list.Start, "list items cannot be null");
        var type = RuleType.ListOf(element);
        var array = Expression.NewArrayInit(element.ClrType, items.Select(i => ConvertTo(i, element)));
        return new Bound(Expression.Convert(array, type.ClrType), type);
    }
}
