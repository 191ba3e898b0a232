namespace RuleSuspension.Rules.Facts;

/// <summary>
/// The parts of a <see cref="FactSet"/> that cost a read of the system of record, as a compiled rule set or condition
/// reads them: a caller builds only those. The customer, variables, decision and dates are always there.
/// </summary>
[Flags]
public enum FactNeeds
{
    None = 0,
    Invoices = 1,
    Plan = 2,
    Opportunity = 4,
    Event = 8,
    All = Invoices | Plan | Opportunity | Event,
}

internal static class FactNeedsOf
{
    /// <summary>The needs of the fact model roots an expression binds (<c>invoices</c>, <c>plan</c>, ...).</summary>
    public static FactNeeds Roots(IEnumerable<string> roots) => roots.Aggregate(FactNeeds.None, (needs, root) => needs | root switch
    {
        "invoices" => FactNeeds.Invoices,
        "plan" => FactNeeds.Plan,
        "opportunity" => FactNeeds.Opportunity,
        "event" => FactNeeds.Event,
        _ => FactNeeds.None,
    });
}
