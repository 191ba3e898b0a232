using System.Linq.Expressions;
using RuleSuspension.Rules.Language.Parsing;
using RuleSuspension.Rules.Language.Typing;

namespace RuleSuspension.Rules.Compilation;

/// <summary>
/// Collection methods compile to plain indexed loops over IReadOnlyList (no LINQ, no delegates, no closures):
/// the lambda's parameter becomes the loop variable, so outer values are read directly. Each loop charges its list's
/// length to the evaluation budget before it starts (one subtraction, no allocation).
/// </summary>
internal sealed partial class ExpressionBinder
{
    private Bound BindCollectionMethod(CallSyntax call, Bound list, List<LambdaSyntax> filters)
    {
        var name = call.Name;
        var element = list.Type.Element!;
        if (name == "contains")
        {
            if (call.Arguments.Count != 1 || call.Arguments[0] is LambdaSyntax)
                return Fail(call.NameStart, "'contains' needs one value; use any(x => ...) for a condition");
            var value = Bind(call.Arguments[0]);
            if (value.IsError) return value;
            if (filters.Count == 0) return Contains(list, value, call.Arguments[0].Start);
            return Fail(call.NameStart, "'contains' cannot follow 'where'; use any(x => ...)");
        }

        LambdaSyntax? lambda = null;
        if (call.Arguments.Count > 1)
            return Fail(call.NameStart, $"'{name}' takes at most one lambda");
        if (call.Arguments.Count == 1)
        {
            lambda = call.Arguments[0] as LambdaSyntax;
            if (lambda is null)
                return Fail(call.Arguments[0].Start, $"'{name}' needs a lambda such as 'i => ...'");
        }
        if (lambda is null && name is "all" or "where")
            return Fail(call.NameStart, $"'{name}' needs a lambda such as 'i => ...'");

        var elementClr = element.ClrType;
        var listVariable = Expression.Variable(list.Expression.Type, "list");
        var count = Expression.Variable(typeof(int), "count");
        var index = Expression.Variable(typeof(int), "index");
        var item = Expression.Variable(elementClr, "item");
        var itemBound = new Bound(item, element);
        var exit = Expression.Label("exit");

        // Filters from fused where(...) calls, then the method's own lambda.
        Expression? filter = null;
        foreach (var f in filters)
        {
            var condition = BindLambda(f, itemBound, asCondition: true);
            if (condition.IsError) return condition;
            filter = filter is null ? condition.Expression : Expression.AndAlso(filter, condition.Expression);
        }
        Bound? body = lambda is null ? null : BindLambda(lambda, itemBound, asCondition: name is "any" or "all" or "count" or "where");
        if (body is { IsError: true }) return body.Value;

        ParameterExpression accumulator;
        Expression initial;
        Expression step;
        RuleType resultType;
        switch (name)
        {
            case "any":
                accumulator = Expression.Variable(typeof(bool), "found");
                initial = Expression.Constant(false);
                step = Guarded(body, Expression.Block(Expression.Assign(accumulator, Expression.Constant(true)), Expression.Break(exit)));
                resultType = RuleType.Boolean;
                break;
            case "all":
                accumulator = Expression.Variable(typeof(bool), "all");
                initial = Expression.Constant(true);
                step = Expression.IfThen(Expression.Not(body!.Value.Expression),
                    Expression.Block(Expression.Assign(accumulator, Expression.Constant(false)), Expression.Break(exit)));
                resultType = RuleType.Boolean;
                break;
            case "count":
                if (body is null && filter is null)
                    return new Bound(Expression.Call(typeof(RuleRuntime).GetMethod(nameof(RuleRuntime.Count))!.MakeGenericMethod(elementClr), list.Expression), RuleType.Integer);
                accumulator = Expression.Variable(typeof(int), "count");
                initial = Expression.Constant(0);
                step = Guarded(body, Expression.PreIncrementAssign(accumulator));
                resultType = RuleType.Integer;
                break;
            case "sum":
            {
                var selected = body ?? itemBound;
                if (!selected.Type.IsNumeric)
                    return Fail(lambda?.Body.Start ?? call.NameStart, $"'sum' needs numbers but found {selected.Type}");
                // Null once the sum overflows.
                accumulator = Expression.Variable(typeof(decimal?), "sum");
                initial = Expression.Constant(0m, typeof(decimal?));
                step = AddIfValue(accumulator, selected);
                resultType = RuleType.Number.Nullable();
                break;
            }
            case "min":
            case "max":
            {
                var selected = body ?? itemBound;
                if (selected.Type.Kind is not (TypeKind.Number or TypeKind.Integer or TypeKind.Date or TypeKind.DateTime or TypeKind.Duration or TypeKind.String))
                    return Fail(lambda?.Body.Start ?? call.NameStart, $"'{name}' needs numbers, dates, durations or strings but found {selected.Type}");
                resultType = selected.Type.Nullable();
                accumulator = Expression.Variable(resultType.ClrType, name);
                initial = Expression.Default(resultType.ClrType);
                step = KeepExtreme(accumulator, selected, name == "min");
                break;
            }
            default: // where, materialised because nothing consumes it
            {
                var resultList = typeof(List<>).MakeGenericType(elementClr);
                accumulator = Expression.Variable(resultList, "matches");
                initial = Expression.New(resultList);
                step = Guarded(body, Expression.Call(accumulator, resultList.GetMethod("Add")!, item));
                resultType = list.Type;
                break;
            }
        }
        if (filter is not null) step = Expression.IfThen(filter, step);

        var countProperty = typeof(IReadOnlyCollection<>).MakeGenericType(elementClr).GetProperty("Count")!;
        var indexer = list.Expression.Type.GetProperty("Item")!;
        var itemsLeft = Expression.Field(Context, nameof(Engine.EvaluationContext.ItemsLeft));
        var loop = Expression.Block(
            Expression.Assign(count, Expression.Property(listVariable, countProperty)),
            Expression.IfThen(Expression.LessThan(Expression.SubtractAssign(itemsLeft, count), Expression.Constant(0)),
                Expression.Call(Runtime(nameof(RuleRuntime.ItemBudgetSpent)))),
            Expression.Assign(index, Expression.Constant(0)),
            Expression.Loop(
                Expression.Block(
                    Expression.IfThen(Expression.GreaterThanOrEqual(index, count), Expression.Break(exit)),
                    Expression.Assign(item, Expression.MakeIndex(listVariable, indexer, [index])),
                    step,
                    Expression.PreIncrementAssign(index)),
                exit));
        var block = Expression.Block(resultType.ClrType, [listVariable, count, index, item, accumulator],
            Expression.Assign(listVariable, list.Expression),
            Expression.Assign(accumulator, initial),
            Expression.IfThen(Expression.NotEqual(listVariable, Expression.Constant(null, listVariable.Type)), loop),
            Convert(accumulator, resultType.ClrType));
        return new Bound(block, resultType);
    }

    private static Expression Guarded(Bound? condition, Expression action) =>
        condition is null ? action : Expression.IfThen(condition.Value.Expression, action);

    private Bound BindLambda(LambdaSyntax lambda, Bound item, bool asCondition)
    {
        if (_lambdaDepth >= RuleLimits.MaxNestedIterations)
            return Fail(lambda.Start, $"collection methods nest at most {RuleLimits.MaxNestedIterations} deep; this lambda is one level more");
        var shadowed = _locals.TryGetValue(lambda.Parameter, out var previous);
        _locals[lambda.Parameter] = item;
        _lambdaDepth++;
        try
        {
            if (!asCondition) return Bind(lambda.Body);
            var body = Bind(lambda.Body);
            if (body.IsError) return body;
            if (body.Type.Kind is not (TypeKind.Boolean or TypeKind.Json or TypeKind.Null))
                return Fail(lambda.Body.Start, $"this lambda must be a condition but is {body.Type}");
            return new Bound(AsCondition(body, lambda.Body.Start), RuleType.Boolean);
        }
        finally
        {
            _lambdaDepth--;
            if (shadowed) _locals[lambda.Parameter] = previous;
            else _locals.Remove(lambda.Parameter);
        }
    }

    private static Expression AddIfValue(ParameterExpression sum, Bound selected)
    {
        var step = Runtime(nameof(RuleRuntime.SumStep));
        if (!selected.Type.IsNullable)
            return Expression.Assign(sum, Expression.Call(step, sum, Convert(selected.Expression, typeof(decimal))));
        var value = Expression.Variable(selected.Expression.Type, "value");
        return Expression.Block([value],
            Expression.Assign(value, selected.Expression),
            Expression.IfThen(Expression.Property(value, "HasValue"),
                Expression.Assign(sum, Expression.Call(step, sum, Convert(Expression.Property(value, "Value"), typeof(decimal))))));
    }

    private static Expression KeepExtreme(ParameterExpression accumulator, Bound selected, bool minimum)
    {
        var value = Expression.Variable(accumulator.Type, "value");
        Expression better;
        if (selected.Type.Kind == TypeKind.String)
        {
            var comparison = Expression.Call(typeof(string).GetMethod(nameof(string.CompareOrdinal), [typeof(string), typeof(string)])!, value, accumulator);
            better = Expression.OrElse(Expression.Equal(accumulator, Expression.Constant(null, typeof(string))),
                minimum ? Expression.LessThan(comparison, Expression.Constant(0)) : Expression.GreaterThan(comparison, Expression.Constant(0)));
            better = Expression.AndAlso(Expression.NotEqual(value, Expression.Constant(null, typeof(string))), better);
        }
        else
        {
            // Lifted comparison is false while the accumulator is still null, hence the HasValue test.
            var compare = minimum ? Expression.LessThan(value, accumulator) : Expression.GreaterThan(value, accumulator);
            better = Expression.AndAlso(Expression.Property(value, "HasValue"),
                Expression.OrElse(Expression.Not(Expression.Property(accumulator, "HasValue")), compare));
        }
        return Expression.Block([value],
            Expression.Assign(value, Convert(selected.Expression, accumulator.Type)),
            Expression.IfThen(better, Expression.Assign(accumulator, value)));
    }
}
