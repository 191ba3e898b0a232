using NRules.RuleModel;
using RuleSuspension.Rules.Facts;

namespace RuleSuspension.Rules.NRules.Engine;

/// <summary>The costly fact parts a set's rules match (patterns over invoices, the plan, the opportunity, the event).</summary>
internal sealed class FactNeedsCollector : RuleElementVisitor<FactNeedsCollector>
{
    private FactNeeds _needs;

    public static FactNeeds Of(IEnumerable<IRuleDefinition> rules)
    {
        var collector = new FactNeedsCollector();
        foreach (var rule in rules) collector.Visit(collector, rule);
        return collector._needs;
    }

    protected override PatternElement VisitPattern(FactNeedsCollector context, PatternElement element)
    {
        var type = element.ValueType;
        _needs |= type == typeof(InvoiceFact) ? FactNeeds.Invoices
            : type == typeof(PlanFact) ? FactNeeds.Plan
            : type == typeof(OpportunityFact) ? FactNeeds.Opportunity
            : type == typeof(EventFact) ? FactNeeds.Event
            : FactNeeds.None;
        return base.VisitPattern(context, element);
    }
}
