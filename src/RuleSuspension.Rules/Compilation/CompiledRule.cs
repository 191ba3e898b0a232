using RuleSuspension.Rules.Language.Parsing;

namespace RuleSuspension.Rules.Compilation;

internal enum ActionKind { Warn = 1, Review = 2, Suspend = 3, Assert, Halt }

/// <summary>
/// An action ready to run. A constant message is stored as is; an interpolated one is written by the compiled
/// fire delegate into <c>EvaluationContext.Messages[MessageSlot]</c>.
/// </summary>
internal sealed record CompiledAction(ActionKind Kind, string Type, string? ReasonCode, string? ConstantMessage, int MessageSlot, string? Fact);

/// <summary>A rule after compilation. The syntax tree is kept to build the explanation variant on first use.</summary>
internal sealed class CompiledRule
{
    public required string Name { get; init; }
    public required int Priority { get; init; }
    public required int Index { get; init; }
    public required string ConditionSource { get; init; }
    public required SyntaxNode Condition { get; init; }
    public required CompiledAction[] Actions { get; init; }
    public bool Halts => Actions.Any(a => a.Kind == ActionKind.Halt);
    /// <summary>The firing record when every message is constant, shared by all evaluations (no allocation).</summary>
    public FiredRule? ConstantFiring { get; init; }
}
