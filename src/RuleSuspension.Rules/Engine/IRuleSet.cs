using RuleSuspension.Rules.Facts;

namespace RuleSuspension.Rules;

/// <summary>
/// A rule set ready to evaluate, whichever form it was authored in: a data-defined document compiled by the rule
/// language (<see cref="RuleSetKinds.Data"/>) or NRules rules written in C# (<see cref="RuleSetKinds.NRules"/>).
/// Implementations are immutable and thread-safe.
/// </summary>
public interface IRuleSet
{
    /// <summary>The rule set's name.</summary>
    string Name { get; }

    /// <summary>The authoring form: <c>data</c> or <c>nrules</c>.</summary>
    string Kind { get; }

    /// <summary>The catalogue entry: name, description, declared parameters and the rules (names, priorities, descriptions).</summary>
    RuleSetDocument Document { get; }

    /// <summary>The declared parameters.</summary>
    IReadOnlyList<ParameterDefinition> Parameters { get; }

    /// <summary>The costly parts of the facts the rules read; a caller builds only those.</summary>
    FactNeeds Needs { get; }

    /// <summary>Checks overrides against the declared parameters; errors carry the path <c>$.parameters.name</c>.</summary>
    IReadOnlyList<RuleError> ValidateParameters(ParameterValues values);

    /// <summary>Evaluates the rules against <paramref name="facts"/> into a decision (strongest action fired).</summary>
    /// <exception cref="RuleEvaluationException">A rule failed, or an override is invalid.</exception>
    RuleSetDecision Evaluate(FactSet facts, ParameterValues? overrides = null, bool explain = false);
}

/// <summary>The authoring forms of a rule set, as the catalogue names them.</summary>
public static class RuleSetKinds
{
    /// <summary>A JSON document in the rule language, edited in the console.</summary>
    public const string Data = "data";

    /// <summary>NRules rules written in C#, loaded from an assembly; read-only but for their parameters.</summary>
    public const string NRules = "nrules";
}
