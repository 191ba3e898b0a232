namespace RuleSuspension.Rules;

/// <summary>Why a decision came out as it did: every rule with the values its condition saw.</summary>
public sealed record RuleSetExplanation(
    string RuleSet,
    IReadOnlyList<RuleExplanation> Rules,
    IReadOnlyList<DerivedFactValue> Facts);

/// <summary>
/// One rule in an explanation. <see cref="Result"/> is the value of its condition when last evaluated
/// (null when it was never evaluated, or a fact it reads changed afterwards and the agenda stopped before it
/// was evaluated again); <see cref="SkippedBecause"/> says why a rule was not evaluated to the end.
/// </summary>
public sealed record RuleExplanation(
    string Rule,
    int Priority,
    bool Fired,
    int? FiringOrder,
    bool? Result,
    IReadOnlyList<TermValue> Terms,
    string? SkippedBecause);

/// <summary>
/// A term of a condition (a comparison, a member path, a function call) and its value.
/// <see cref="Evaluated"/> is false when short-circuiting skipped it.
/// </summary>
public sealed record TermValue(string Expression, object? Value, bool Evaluated);

/// <summary>A derived fact's value at the end of the evaluation.</summary>
public sealed record DerivedFactValue(string Name, object? Value);
