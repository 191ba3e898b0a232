using NRules.Fluent.Dsl;
using RuleSuspension.Rules.Facts;
using RuleSuspension.Rules.NRules;

namespace RuleSuspension.Samples.NonPayment;

[Name("exempt-customers-are-never-suspended"), Priority(1000)]
[Description("Exempt customers are neither suspended nor warned: the evaluation stops here for them.")]
public sealed class ExemptCustomersAreNeverSuspended : Rule
{
    public override void Define()
    {
        When().Match<CustomerFact>(c => c.Exempt);
        Then().Do(ctx => ctx.HaltRuleSet());
    }
}

[Name("overdue-balance"), Priority(900)]
[Description("Derives the overdue unpaid balance and the grace days that apply to the customer's plan.")]
public sealed class OverdueBalanceRule : Rule
{
    public override void Define()
    {
        CustomerFact customer = null!;
        NonPaymentParameters parameters = null!;
        IEnumerable<InvoiceFact> overdue = null!;

        When()
            .Match(() => customer)
            .Match(() => parameters)
            .Query(() => overdue, q => q.Match<InvoiceFact>(i => i.DaysOverdue > 0).Collect());
        Then()
            .Do(ctx => ctx.Assert(new OverdueBalance(overdue.Sum(i => i.AmountDue))))
            .Do(ctx => ctx.Assert(new GraceDays(GraceFor(customer, parameters))));
    }

    private static decimal GraceFor(CustomerFact customer, NonPaymentParameters parameters)
        => customer.PlanId is { } plan && parameters.GraceDaysByPlan.TryGetValue(plan, out var days) ? days : parameters.GraceDays;
}

[Name("suspend-past-grace"), Priority(500)]
[Description("An unpaid invoice is more than the grace days overdue and the overdue balance is at least minOverdueAmount.")]
public sealed class SuspendPastGrace : Rule
{
    public override void Define()
    {
        NonPaymentParameters parameters = null!;
        GraceDays grace = null!;
        OverdueBalance balance = null!;

        When()
            .Match(() => parameters)
            .Match(() => grace)
            .Match(() => balance, b => b.Amount >= parameters.MinOverdueAmount)
            .Exists<InvoiceFact>(i => i.AmountDue > 0 && i.DaysOverdue > grace.Days);
        Then()
            .Do(ctx => ctx.Suspend("non-payment", $"An invoice is more than {RuleActions.Format(grace.Days)} days overdue; overdue balance {RuleActions.Format(balance.Amount)}."))
            .Do(ctx => ctx.HaltRuleSet());
    }
}

[Name("warn-overdue"), Priority(100)]
[Description("An unpaid invoice is at least warningDays overdue (and the customer is not being suspended).")]
public sealed class WarnOverdue : Rule
{
    public override void Define()
    {
        NonPaymentParameters parameters = null!;
        GraceDays grace = null!;
        IEnumerable<InvoiceFact> unpaid = null!;

        When()
            .Match(() => parameters)
            .Match(() => grace)
            .Query(() => unpaid, q => q.Match<InvoiceFact>(i => i.AmountDue > 0).Collect())
            .Having(() => unpaid.Any(i => i.DaysOverdue >= parameters.WarningDays));
        Then()
            .Do(ctx => ctx.Warn("non-payment", $"An invoice is {RuleActions.Format(unpaid.Max(i => i.DaysOverdue))} days overdue; suspension after {RuleActions.Format(grace.Days)} days."));
    }
}
