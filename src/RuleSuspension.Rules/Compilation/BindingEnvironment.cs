using System.Linq.Expressions;
using RuleSuspension.Rules.Engine;
using RuleSuspension.Rules.Language.Lexing;
using RuleSuspension.Rules.Language.Typing;

namespace RuleSuspension.Rules.Compilation;

/// <summary>A typed slot: a parameter value or a derived fact cell.</summary>
internal sealed record Slot(int Index, RuleType Type);

/// <summary>What names an expression can reach beyond the fact model: the rule set's parameters and derived facts.</summary>
internal sealed class BindingEnvironment
{
    public static readonly ParameterExpression ContextParameter = Expression.Parameter(typeof(EvaluationContext), "context");

    /// <summary>Null where parameters do not exist (standalone workflow conditions).</summary>
    public IReadOnlyDictionary<string, Slot>? Parameters { get; init; }
    /// <summary>Null where derived facts do not exist (standalone workflow conditions).</summary>
    public IReadOnlyDictionary<string, Slot>? Facts { get; init; }
}

/// <summary>A type or name error at a position of the expression source.</summary>
internal sealed record Diagnostic(SourcePosition Position, string Message);

/// <summary>A typed LINQ expression produced by the binder.</summary>
internal readonly record struct Bound(Expression Expression, RuleType Type)
{
    public bool IsError => Type.Kind == TypeKind.Error;
}
