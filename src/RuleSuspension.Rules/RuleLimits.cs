namespace RuleSuspension.Rules;

/// <summary>
/// The bounds of the rule language, in one place (README, "Limits"). They are fixed rather than configurable:
/// they decide which documents are valid, and a document valid on one node must be valid on every node and after
/// every restart.
/// </summary>
public static class RuleLimits
{
    /// <summary>Most characters of one expression (a rule's <c>when</c>, an asserted value, a workflow condition) or of one message template.</summary>
    public const int MaxExpressionLength = 4_000;

    /// <summary>
    /// Deepest nesting of one expression: each operator, member access, index, call, lambda and parenthesis is a
    /// level, and so is each operand of a chain (<c>a or b or c</c> is three). Checked while parsing, before
    /// anything recurses over the tree, so that no expression can exhaust the stack.
    /// </summary>
    public const int MaxNestingDepth = 64;

    /// <summary>Most collection methods with a lambda (<c>any</c>, <c>all</c>, <c>count</c>, <c>sum</c>, ...) nested inside one another.</summary>
    public const int MaxNestedIterations = 3;

    /// <summary>
    /// Most collection items one evaluation may visit, counted over every loop and nested loop of every rule (and
    /// every <c>in</c> or <c>contains</c> over a list). Past it the evaluation fails with a
    /// <see cref="RuleEvaluationException"/>, so no set of facts can hold a customer's lock for long.
    /// </summary>
    public const int MaxItemsPerEvaluation = 1_000_000;
}
