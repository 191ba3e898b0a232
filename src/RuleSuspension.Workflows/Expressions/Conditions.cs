using System.Collections.Concurrent;
using RuleSuspension.Rules;
using RuleSuspension.Workflows.Validation;

namespace RuleSuspension.Workflows.Expressions;

/// <summary>
/// Rule-language conditions of workflows (If, trigger filters, WaitForEvent filters, SetVariable). Each distinct text
/// is compiled once per process: definitions are immutable once published, so the cache only grows with authored text.
/// </summary>
public static class Conditions
{
    private static readonly ConcurrentDictionary<string, CompiledCondition> Compiled = new(StringComparer.Ordinal);

    /// <summary>The errors of a condition at <paramref name="path"/>, with line and column inside the condition.</summary>
    public static IEnumerable<WorkflowValidationError> Check(string source, string path, string? activityId)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            return [new WorkflowValidationError(path, "The condition is empty.", activityId, Line: 1, Column: 1)];
        }

        if (Compiled.ContainsKey(source))
        {
            return [];
        }

        var compilation = RuleExpression.CompileCondition(source);
        if (compilation.Condition is { } condition)
        {
            Compiled.TryAdd(source, condition);
            return [];
        }

        return compilation.Errors.Select(e => new WorkflowValidationError(path, $"Invalid expression: {e.Message}", activityId, Line: e.Line, Column: e.Column)).ToList();
    }

    /// <summary>
    /// The compiled condition. A text that is not a valid condition (only a definition stored before a language limit
    /// existed can hold one) fails like an evaluation does, so its step faults instead of failing the request.
    /// </summary>
    /// <exception cref="RuleEvaluationException">The text does not compile.</exception>
    public static CompiledCondition Get(string source)
    {
        if (Compiled.TryGetValue(source, out var condition))
        {
            return condition;
        }

        var compilation = RuleExpression.CompileCondition(source);
        return compilation.Condition is { } compiled
            ? Compiled.GetOrAdd(source, compiled)
            : throw new RuleEvaluationException($"The condition does not compile: {string.Join("; ", compilation.Errors)}");
    }
}
