using System.Globalization;
using RuleSuspension.Rules;
using RuleSuspension.Rules.Facts;

namespace RuleSuspension.Benchmarks.Rules;

/// <summary>
/// The shipped non-payment rule set written by hand in C#: the baseline the engine is measured against.
/// Same semantics, same result object (decision, fired rules, interpolated message).
/// </summary>
internal sealed class NonPaymentReference(int graceDays, int warningDays, decimal minOverdueAmount, IReadOnlyDictionary<string, decimal> graceDaysByPlan)
{
    private static readonly RuleSetDecision None = new();
    private static readonly FiredRule Exempt = new("exempt-customers-are-never-suspended", 1000, [new FiredAction("halt", null, null, null)]);
    private static readonly FiredRule Derive = new("overdue-balance", 900,
        [new FiredAction("assert", null, null, "overdueBalance"), new FiredAction("assert", null, null, "graceDays")]);

    public RuleSetDecision Evaluate(FactSet facts)
    {
        if (facts.Customer.Exempt)
            return new RuleSetDecision { FiredRules = new List<FiredRule>(4) { Exempt } };

        var invoices = facts.Invoices;
        var overdueBalance = 0m;
        for (var i = 0; i < invoices.Count; i++)
            if (invoices[i].DaysOverdue > 0) overdueBalance += invoices[i].AmountDue;
        decimal grace = facts.Customer.PlanId is { } plan && graceDaysByPlan.TryGetValue(plan, out var g) ? g : graceDays;

        var pastGrace = false;
        for (var i = 0; i < invoices.Count; i++)
            if (invoices[i].AmountDue > 0 && invoices[i].DaysOverdue > grace) { pastGrace = true; break; }
        if (pastGrace && overdueBalance >= minOverdueAmount)
        {
            var message = string.Concat("An invoice is more than ", grace.ToString(CultureInfo.InvariantCulture),
                " days overdue; overdue balance ", overdueBalance.ToString(CultureInfo.InvariantCulture), ".");
            var fired = new FiredRule("suspend-past-grace", 500, [new FiredAction("suspend", "non-payment", message, null), new FiredAction("halt", null, null, null)]);
            return new RuleSetDecision { Outcome = DecisionOutcome.Suspend, ReasonCode = "non-payment", Message = message, FiredRules = new List<FiredRule>(4) { Derive, fired } };
        }

        var warn = false;
        var maxOverdue = int.MinValue;
        for (var i = 0; i < invoices.Count; i++)
        {
            if (invoices[i].AmountDue <= 0) continue;
            if (invoices[i].DaysOverdue >= warningDays) warn = true;
            if (invoices[i].DaysOverdue > maxOverdue) maxOverdue = invoices[i].DaysOverdue;
        }
        if (warn)
        {
            var message = string.Concat("An invoice is ", maxOverdue.ToString(CultureInfo.InvariantCulture),
                " days overdue; suspension after ", grace.ToString(CultureInfo.InvariantCulture), " days.");
            var fired = new FiredRule("warn-overdue", 100, [new FiredAction("warn", "non-payment", message, null)]);
            return new RuleSetDecision { Outcome = DecisionOutcome.Warn, ReasonCode = "non-payment", Message = message, FiredRules = new List<FiredRule>(4) { Derive, fired } };
        }
        return new RuleSetDecision { FiredRules = new List<FiredRule>(4) { Derive } };
    }
}
