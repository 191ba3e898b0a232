using System.Globalization;
using NRules.RuleModel;
using RuleSuspension.Rules.NRules.Engine;

namespace RuleSuspension.Rules.NRules;

/// <summary>
/// The actions of a code-defined rule, the same as the language's: call them on the action context,
/// <c>Then().Do(ctx =&gt; ctx.Suspend("non-payment", "..."))</c>. The decision is the strongest action fired.
/// </summary>
public static class RuleActions
{
    /// <summary>Suspends the customer with a reason code and message.</summary>
    public static void Suspend(this IContext context, string reasonCode, string message) => Log(context).Add(context, "suspend", reasonCode, message, null);

    /// <summary>Flags the customer for a person to review.</summary>
    public static void Review(this IContext context, string reasonCode, string message) => Log(context).Add(context, "review", reasonCode, message, null);

    /// <summary>Warns the customer's account managers.</summary>
    public static void Warn(this IContext context, string reasonCode, string message) => Log(context).Add(context, "warn", reasonCode, message, null);

    /// <summary>Inserts a derived fact, which later rules match; explanations list it by its type's name.</summary>
    public static void Assert<TFact>(this IContext context, TFact fact)
        where TFact : notnull
    {
        Log(context).Add(context, "assert", null, null, typeof(TFact).Name);
        context.Insert(fact);
    }

    /// <summary>Stops the evaluation after this rule (the language's <c>halt</c>), recorded in the decision.</summary>
    public static void HaltRuleSet(this IContext context)
    {
        Log(context).Add(context, "halt", null, null, null);
        context.Halt();
    }

    /// <summary>Formats a value in a message exactly as the rule language does (invariant culture, ISO dates).</summary>
    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc cref="Format(decimal)"/>
    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc cref="Format(decimal)"/>
    public static string Format(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static ActionLog Log(IContext context)
        => context.Resolve(typeof(ActionLog)) as ActionLog
           ?? throw new InvalidOperationException("rule actions run only in an evaluation of a code-defined rule set");
}
