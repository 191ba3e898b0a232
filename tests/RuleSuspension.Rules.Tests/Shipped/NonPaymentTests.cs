using RuleSuspension.Rules.Facts;
using static RuleSuspension.Rules.Tests.TestFacts;

namespace RuleSuspension.Rules.Tests.Shipped;

public class NonPaymentTests
{
    private static readonly CompiledRuleSet Set = ShippedSet("non-payment");

    private static RuleSetDecision Decide(IReadOnlyList<InvoiceFact> invoices, CustomerFact? customer = null, string? overrides = null) =>
        Set.Evaluate(FactsOf(customer: customer, invoices: invoices), overrides is null ? null : ParameterValues.Parse(overrides));

    [Fact]
    public void Invoice_one_day_past_grace_suspends()
    {
        var decision = Decide([Overdue(31, 120.00m)]);
        Assert.Equal((DecisionOutcome.Suspend, "non-payment"), (decision.Outcome, decision.ReasonCode));
        Assert.Equal("An invoice is more than 30 days overdue; overdue balance 120.00.", decision.Message);
    }

    [Fact]
    public void Invoice_exactly_at_grace_days_warns_but_does_not_suspend()
    {
        var decision = Decide([Overdue(30)]);
        Assert.Equal(DecisionOutcome.Warn, decision.Outcome);
        Assert.Equal("An invoice is 30 days overdue; suspension after 30 days.", decision.Message);
    }

    [Fact]
    public void Invoice_at_warning_days_warns()
    {
        Assert.Equal(DecisionOutcome.Warn, Decide([Overdue(7)]).Outcome);
    }

    [Fact]
    public void Invoice_one_day_before_warning_days_decides_nothing()
    {
        Assert.Equal(DecisionOutcome.None, Decide([Overdue(6)]).Outcome);
    }

    [Fact]
    public void Customer_without_invoices_decides_nothing()
    {
        Assert.Equal(DecisionOutcome.None, Decide([]).Outcome);
    }

    [Fact]
    public void Exempt_customer_is_neither_suspended_nor_warned()
    {
        var decision = Decide([Overdue(90, 5000m)], Customer(exempt: true));
        Assert.Equal(DecisionOutcome.None, decision.Outcome);
        Assert.Equal(["exempt-customers-are-never-suspended"], decision.FiredRules.Select(r => r.Rule));
    }

    [Fact]
    public void Paid_invoices_never_count_however_late_they_were()
    {
        Assert.Equal(DecisionOutcome.None, Decide([Paid(90, 5000m)]).Outcome);
    }

    [Fact]
    public void Overdue_invoice_with_zero_balance_does_not_suspend_or_warn()
    {
        var zero = Overdue(60) with { AmountDue = 0m };
        Assert.Equal(DecisionOutcome.None, Decide([zero]).Outcome);
    }

    [Fact]
    public void Overdue_balance_below_the_minimum_does_not_suspend()
    {
        var decision = Decide([Overdue(60, 40m)], overrides: """{ "minOverdueAmount": 50 }""");
        Assert.Equal(DecisionOutcome.Warn, decision.Outcome);
    }

    [Fact]
    public void Overdue_balance_sums_every_overdue_invoice_towards_the_minimum()
    {
        var decision = Decide([Overdue(60, 40m, "a"), Overdue(5, 20m, "b"), Overdue(-3, 500m, "not-due")], overrides: """{ "minOverdueAmount": 50 }""");
        Assert.Equal(DecisionOutcome.Suspend, decision.Outcome);
        Assert.EndsWith("overdue balance 60.", decision.Message);
    }

    [Fact]
    public void Plan_grace_days_replace_the_default_grace()
    {
        var overrides = """{ "graceDaysByPlan": { "enterprise": 60 } }""";
        var enterprise = Customer(planId: "enterprise");
        Assert.Equal(DecisionOutcome.Warn, Decide([Overdue(60)], enterprise, overrides).Outcome);
        Assert.Equal(DecisionOutcome.Suspend, Decide([Overdue(61)], enterprise, overrides).Outcome);
    }

    [Fact]
    public void Customers_on_other_plans_keep_the_default_grace()
    {
        var overrides = """{ "graceDaysByPlan": { "enterprise": 60 } }""";
        Assert.Equal(DecisionOutcome.Suspend, Decide([Overdue(31)], Customer(planId: "basic"), overrides).Outcome);
    }

    [Fact]
    public void Customer_without_a_plan_uses_the_default_grace()
    {
        Assert.Equal(DecisionOutcome.Suspend, Decide([Overdue(31)], Customer(planId: null), """{ "graceDaysByPlan": { "basic": 90 } }""").Outcome);
    }

    [Fact]
    public void Finance_can_shorten_the_grace_period()
    {
        Assert.Equal(DecisionOutcome.Suspend, Decide([Overdue(11)], overrides: """{ "graceDays": 10 }""").Outcome);
    }

    [Fact]
    public void Suspension_stops_the_evaluation_so_no_warning_is_fired()
    {
        var decision = Decide([Overdue(45)]);
        Assert.Equal(["overdue-balance", "suspend-past-grace"], decision.FiredRules.Select(r => r.Rule));
    }

    [Fact]
    public void Explanation_shows_the_grace_days_and_balance_it_used()
    {
        var explanation = Set.Evaluate(FactsOf(invoices: [Overdue(31, 120.00m)]), explain: true).Explanation!;
        Assert.Equal([("overdueBalance", (object?)120.00m), ("graceDays", 30m)], explanation.Facts.Select(f => (f.Name, f.Value)));
        var suspend = explanation.Rules.Single(r => r.Rule == "suspend-past-grace");
        Assert.Contains(suspend.Terms, t => t.Expression == "facts.overdueBalance >= params.minOverdueAmount" && Equals(t.Value, true));
    }

    [Fact]
    public void Every_parameter_has_a_description()
    {
        Assert.All(Set.Parameters, p => Assert.False(string.IsNullOrWhiteSpace(p.Description)));
    }

    [Fact]
    public void Grace_days_above_a_year_are_refused()
    {
        var error = Assert.Single(Set.ValidateParameters(ParameterValues.Parse("""{ "graceDays": 400 }""")));
        Assert.Equal("'graceDays' must be at most 365 but was 400", error.Message);
    }
}
