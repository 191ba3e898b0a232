using System.Linq.Expressions;
using RuleSuspension.Rules.Compilation;
using RuleSuspension.Rules.Engine;
using RuleSuspension.Rules.Facts;
using RuleSuspension.Rules.Language.Lexing;
using RuleSuspension.Rules.Language.Parsing;

namespace RuleSuspension.Rules;

/// <summary>
/// Standalone conditions outside rule sets, e.g. workflow <c>If</c> activities and trigger filters. They see the
/// fact model (<c>customer</c>, <c>event</c>, <c>variables</c>, <c>decision</c>, ...) but not <c>params</c> or <c>facts</c>.
/// </summary>
public static class RuleExpression
{
    private static readonly BindingEnvironment Standalone = new();

    /// <summary>Parses, type-checks and compiles a boolean condition. Errors carry path <c>$</c>, line and column.</summary>
    public static ConditionCompilation CompileCondition(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        SyntaxNode syntax;
        try
        {
            syntax = Parser.Parse(source);
        }
        catch (RuleSyntaxException e)
        {
            return new ConditionCompilation(null, [new RuleError("$", e.Position.Line, e.Position.Column, e.Message)]);
        }
        var diagnostics = new List<Diagnostic>();
        var binder = new ExpressionBinder(source, Standalone, diagnostics);
        var body = binder.BindCondition(syntax);
        if (diagnostics.Count > 0)
            return new ConditionCompilation(null, diagnostics.Select(d => new RuleError("$", d.Position.Line, d.Position.Column, d.Message)).ToArray());
        var compiled = Expression.Lambda<Func<EvaluationContext, bool>>(body, BindingEnvironment.ContextParameter).Compile();
        return new ConditionCompilation(new CompiledCondition(source, compiled, FactNeedsOf.Roots(binder.RootsRead)), []);
    }

    /// <summary>Checks a condition without keeping the compiled form; empty when valid.</summary>
    public static IReadOnlyList<RuleError> Validate(string source) => CompileCondition(source).Errors;
}

/// <summary>The outcome of <see cref="RuleExpression.CompileCondition"/>.</summary>
public sealed record ConditionCompilation(CompiledCondition? Condition, IReadOnlyList<RuleError> Errors)
{
    /// <summary>True when <see cref="Condition"/> is set.</summary>
    public bool Succeeded => Condition is not null;
}

/// <summary>A compiled condition. Thread-safe.</summary>
public sealed class CompiledCondition
{
    [ThreadStatic] private static EvaluationContext? t_context;
    private readonly Func<EvaluationContext, bool> _condition;

    internal CompiledCondition(string source, Func<EvaluationContext, bool> condition, FactNeeds needs)
    {
        Source = source;
        _condition = condition;
        Needs = needs;
    }

    /// <summary>The condition's text.</summary>
    public string Source { get; }

    /// <summary>The parts of the facts the condition reads.</summary>
    public FactNeeds Needs { get; }

    /// <summary>Evaluates the condition; null counts as false.</summary>
    /// <exception cref="RuleEvaluationException">The condition failed at runtime.</exception>
    public bool Evaluate(FactSet facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var context = t_context ??= new EvaluationContext([], 0, 0, []);
        context.Begin(facts, []);
        try
        {
            return _condition(context);
        }
        catch (Exception e)
        {
            throw new RuleEvaluationException($"condition '{Source}' failed: {e.Message}", e);
        }
        finally
        {
            context.Facts = null!;
        }
    }
}
