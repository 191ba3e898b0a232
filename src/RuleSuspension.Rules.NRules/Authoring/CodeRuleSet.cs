namespace RuleSuspension.Rules.NRules;

/// <summary>
/// Declares a code-defined rule set. Its rules are the NRules <c>Rule</c> classes of the same assembly in the same
/// namespace as the declaring class; its parameters are the properties of the parameters type.
/// The class needs a public parameterless constructor.
/// </summary>
public abstract class CodeRuleSet
{
    // Only CodeRuleSet<TParameters> can derive from this: every set declares its parameters.
    private protected CodeRuleSet()
    {
    }

    /// <summary>The catalogue name, unique among all rule sets of either form (e.g. <c>non-payment-code</c>).</summary>
    public abstract string Name { get; }

    /// <summary>What the rule set decides, for people.</summary>
    public abstract string Description { get; }

    internal abstract Type ParametersType { get; }
}

/// <summary>
/// A code-defined rule set whose parameters are a record (or class) with settable properties: each property is a
/// parameter (camelCase name), its initial value the default, and <see cref="ParameterAttribute"/> gives bounds and a
/// description. The rules read the values as a fact: <c>Match(() =&gt; parameters)</c>.
/// </summary>
/// <typeparam name="TParameters">The parameters type, with a public parameterless constructor.</typeparam>
public abstract class CodeRuleSet<TParameters> : CodeRuleSet
    where TParameters : class, new()
{
    internal override Type ParametersType => typeof(TParameters);
}
