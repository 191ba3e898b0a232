namespace RuleSuspension.Rules.NRules.Tests;

public class ExplanationTests
{
    private static RuleSetExplanation ExplainSuspension()
        => Sample.RuleSet.Evaluate(Sample.FactsOf(invoices: [Sample.Overdue(45, 120m, "inv-late"), Sample.Overdue(2, 30m, "inv-recent")]), explain: true).Explanation!;

    [Fact]
    public void Every_rule_is_explained_in_agenda_order_fired_or_not()
    {
        var explanation = ExplainSuspension();

        Assert.Equal(
            [("exempt-customers-are-never-suspended", false, null), ("overdue-balance", true, 1), ("suspend-past-grace", true, 2), ("warn-overdue", false, (int?)null)],
            explanation.Rules.Select(r => (r.Rule, r.Fired, r.FiringOrder)));
    }

    [Fact]
    public void Rule_that_matched_but_was_halted_says_so()
    {
        var warn = ExplainSuspension().Rules.Single(r => r.Rule == "warn-overdue");

        Assert.True(warn.Result);
        Assert.Equal("not fired: rule 'suspend-past-grace' halted the evaluation", warn.SkippedBecause);
    }

    [Fact]
    public void Rule_whose_condition_failed_has_a_false_result_and_the_values_it_saw()
    {
        var exempt = ExplainSuspension().Rules.Single(r => r.Rule == "exempt-customers-are-never-suspended");

        Assert.False(exempt.Result);
        var term = Assert.Single(exempt.Terms);
        Assert.Equal(false, term.Value);
        Assert.StartsWith("customer => customer.Exempt [customer = CustomerFact { Id = c-1,", term.Expression);
    }

    [Fact]
    public void Conditions_are_explained_per_fact_with_their_results()
    {
        var suspend = ExplainSuspension().Rules.Single(r => r.Rule == "suspend-past-grace");

        var late = Assert.Single(suspend.Terms, t => t.Expression.Contains("invoice.DaysOverdue") && t.Expression.Contains("Id = inv-late"));
        var recent = Assert.Single(suspend.Terms, t => t.Expression.Contains("invoice.DaysOverdue") && t.Expression.Contains("Id = inv-recent"));
        Assert.Equal((true, false), ((bool)late.Value!, (bool)recent.Value!));
    }

    [Fact]
    public void Derived_facts_are_listed_with_their_values()
    {
        var facts = ExplainSuspension().Facts;

        Assert.Equal([("OverdueBalance", "OverdueBalance { Amount = 150 }"), ("GraceDays", "GraceDays { Days = 30 }")], facts.Select(f => (f.Name, f.Value!.ToString())));
    }

    [Fact]
    public void Decision_without_explanation_has_none()
    {
        Assert.Null(Sample.RuleSet.Evaluate(Sample.FactsOf(invoices: Sample.Overdue(45))).Explanation);
    }

    [Fact]
    public void Fired_rules_carry_their_actions()
    {
        var decision = Sample.RuleSet.Evaluate(Sample.FactsOf(invoices: Sample.Overdue(45)));

        Assert.Equal(
            [("overdue-balance", "assert,assert"), ("suspend-past-grace", "suspend,halt")],
            decision.FiredRules.Select(r => (r.Rule, string.Join(",", r.Actions.Select(a => a.Type)))));
    }
}
