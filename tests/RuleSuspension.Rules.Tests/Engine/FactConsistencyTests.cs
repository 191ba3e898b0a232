using RuleSuspension.Rules.Facts;
using static RuleSuspension.Rules.Tests.TestFacts;

namespace RuleSuspension.Rules.Tests.Engine;

public class FactConsistencyTests
{
    private static readonly CompiledRuleSet Set = Compile([Rule("any-invoice", "invoices.any(i => i.amountDue > 0)")]);

    [Fact]
    public void Invoices_built_as_of_the_facts_today_are_consistent()
    {
        Assert.Empty(FactConsistency.Check(FactsOf(invoices: [Overdue(10), Paid(5)])));
    }

    [Fact]
    public void Invoice_computed_on_another_day_than_today_is_refused()
    {
        var yesterday = InvoiceFact.AsOf(Today.AddDays(-1), "inv-old", 100m, "EUR", Today.AddDays(-40), Today.AddDays(-10));

        var error = Assert.Single(FactConsistency.Check(FactsOf(invoices: [yesterday])));

        Assert.Equal("$.invoices[0].computedAsOf", error.Path);
        Assert.Contains("computed as of 2026-02-28 but the facts' today is 2026-03-01", error.Message);
    }

    [Fact]
    public void Paid_invoice_with_money_still_due_is_refused()
    {
        var contradiction = new InvoiceFact { Id = "inv-x", Amount = 100m, Paid = true, PaidAt = Today, AmountDue = 50m };

        var error = Assert.Single(FactConsistency.Check(FactsOf(invoices: [contradiction])));

        Assert.Equal(("$.invoices[0].amountDue", "invoice 'inv-x' is paid but has 50 due"), (error.Path, error.Message));
    }

    [Fact]
    public void Unpaid_invoice_with_a_payment_date_is_refused()
    {
        var contradiction = new InvoiceFact { Id = "inv-y", Amount = 100m, AmountDue = 100m, PaidAt = Today };

        Assert.Equal("$.invoices[0].paid", Assert.Single(FactConsistency.Check(FactsOf(invoices: [contradiction]))).Path);
    }

    [Fact]
    public void More_due_than_the_invoice_amount_is_refused()
    {
        var contradiction = new InvoiceFact { Id = "inv-z", Amount = 100m, AmountDue = 150m };

        Assert.Equal("$.invoices[0].amountDue", Assert.Single(FactConsistency.Check(FactsOf(invoices: [contradiction]))).Path);
    }

    [Fact]
    public void Evaluation_refuses_inconsistent_facts()
    {
        var contradiction = new InvoiceFact { Id = "inv-x", Amount = 100m, Paid = true, AmountDue = 50m };

        var error = Assert.Throws<RuleEvaluationException>(() => Set.Evaluate(FactsOf(invoices: [contradiction])));

        Assert.Contains("$.invoices[0].amountDue: invoice 'inv-x' is paid but has 50 due", error.Message);
    }

    [Fact]
    public void Invoice_facts_built_by_hand_without_a_clock_are_not_held_to_one()
    {
        var handMade = new InvoiceFact { Id = "inv-h", Amount = 100m, AmountDue = 100m, DaysOverdue = 3 };

        Assert.Empty(FactConsistency.Check(FactsOf(invoices: [handMade])));
    }
}
