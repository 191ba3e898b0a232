using RuleSuspension.Rules.Facts;

namespace RuleSuspension.Rules.Tests.Language;

/// <summary>Every operator, evaluated: each condition here must hold on the sample facts.</summary>
public class OperatorTests
{
    private static readonly FactSet Sample = TestFacts.FactsOf(
        invoices: [TestFacts.Overdue(40, 100m, "a"), TestFacts.Overdue(10, 20.50m, "b"), TestFacts.Paid(5, 70m, "c")],
        opportunity: new OpportunityFact { Id = "o-1", BoardName = "Sales", Stage = "Deactivate Account", Value = 1200m });

    [Theory]
    [InlineData("1 == 1")]
    [InlineData("1 != 2")]
    [InlineData("1 < 2")]
    [InlineData("2 <= 2")]
    [InlineData("3 > 2")]
    [InlineData("3 >= 3")]
    [InlineData("'abc' < 'abd'")]
    [InlineData("2026-01-31 < 2026-02-01")]
    [InlineData("12h < 1d")]
    public void Comparisons_hold(string condition) => Assert.True(TestFacts.Holds(condition, Sample));

    [Theory]
    [InlineData("true && true")]
    [InlineData("false || true")]
    [InlineData("!false")]
    [InlineData("true and not false")]
    [InlineData("false or true")]
    public void Boolean_operators_hold(string condition) => Assert.True(TestFacts.Holds(condition, Sample));

    [Theory]
    [InlineData("1 + 2 == 3")]
    [InlineData("5 - 7 == -2")]
    [InlineData("2 * 3.5 == 7")]
    [InlineData("7 / 2 == 3.5")]
    [InlineData("7 % 4 == 3")]
    [InlineData("-(2 + 1) == -3")]
    [InlineData("1 + 2 * 3 == 7")]
    [InlineData("(1 + 2) * 3 == 9")]
    [InlineData("0.1 + 0.2 == 0.3")]
    [InlineData("'ab' + 'cd' == 'abcd'")]
    public void Arithmetic_is_decimal_and_follows_precedence(string condition) => Assert.True(TestFacts.Holds(condition, Sample));

    [Fact]
    public void Division_by_zero_is_null_not_an_error() => Assert.True(TestFacts.Holds("1 / 0 == null", Sample));

    [Theory]
    [InlineData("customer.status in ['active', 'suspended']")]
    [InlineData("customer.status not in ['closed']")]
    [InlineData("'vip' in customer.tags")]
    [InlineData("2 in [1, 2, 3]")]
    [InlineData("!(customer.planId in [])")]
    public void In_tests_membership(string condition) => Assert.True(TestFacts.Holds(condition, Sample));

    [Theory]
    [InlineData("customer.planId ?? 'none' == 'basic'")]
    [InlineData("plan.name ?? 'no plan' == 'no plan'")]
    [InlineData("(invoices.where(i => i.paid).max(i => i.paidAt) ?? 2000-01-01) == 2026-02-28")]
    public void Null_coalescing_takes_the_right_side_only_for_null(string condition) => Assert.True(TestFacts.Holds(condition, Sample));

    [Theory]
    [InlineData("plan == null")]
    [InlineData("plan.requiresApproval == null")]
    [InlineData("!plan.requiresApproval")]
    [InlineData("!(plan.name == 'x')")]
    [InlineData("opportunity != null")]
    public void Members_of_a_missing_fact_are_null(string condition) => Assert.True(TestFacts.Holds(condition, Sample));

    [Theory]
    [InlineData("invoices.any(i => i.paidAt == null)")]
    [InlineData("invoices.all(i => i.amount > 0)")]
    [InlineData("invoices.count() == 3")]
    [InlineData("invoices.count(i => i.paid) == 1")]
    [InlineData("invoices.sum(i => i.amountDue) == 120.50")]
    [InlineData("invoices.min(i => i.daysOverdue) == 0")]
    [InlineData("invoices.max(i => i.daysOverdue) == 40")]
    [InlineData("invoices.where(i => !i.paid).count() == 2")]
    [InlineData("invoices.where(i => !i.paid).where(i => i.daysOverdue > 20).sum(i => i.amount) == 100")]
    [InlineData("invoices.where(i => i.daysOverdue > 5).count(i => i.amountDue > 50) == 1")]
    [InlineData("invoices.max(i => i.id) == 'c'")]
    [InlineData("!invoices.where(i => i.amount > 1000).any()")]
    [InlineData("invoices.where(i => i.amount > 1000).max(i => i.amount) == null")]
    [InlineData("customer.tags.contains('eu')")]
    [InlineData("customer.tags.any(t => t.startsWith('v'))")]
    [InlineData("invoices.any(i => customer.tags.any(t => t == 'vip') && i.daysOverdue > 30)")]
    [InlineData("invoices[0].id == 'a'")]
    [InlineData("invoices[9].id == null")]
    public void Collection_methods_compute_over_the_elements(string condition) => Assert.True(TestFacts.Holds(condition, Sample));

    [Theory]
    [InlineData("today == 2026-03-01")]
    [InlineData("today == date('2026-03-01')")]
    [InlineData("daysSince(2026-02-01) == 28")]
    [InlineData("daysBetween(2026-01-01, 2026-01-31) == 30")]
    [InlineData("addDays(2026-01-31, 1) == 2026-02-01")]
    [InlineData("today - 30d == 2026-01-30")]
    [InlineData("today - 2026-02-27 == 2d")]
    [InlineData("now - 12h < now")]
    [InlineData("daysSince(invoices[0].dueDate) == 40")]
    [InlineData("daysSince(invoices[2].paidAt) == 1")]
    public void Date_helpers_use_the_checks_clock(string condition) => Assert.True(TestFacts.Holds(condition, Sample));

    [Theory]
    [InlineData("lower(customer.name) == 'acme ltd'")]
    [InlineData("customer.name.upper() == 'ACME LTD'")]
    [InlineData("customer.email.contains('@acme')")]
    [InlineData("contains(customer.email, 'billing')")]
    [InlineData("customer.email.startsWith('billing')")]
    [InlineData("startsWith(customer.email, 'billing')")]
    [InlineData("customer.email.endsWith('.test')")]
    [InlineData("customer.name.length() == 8")]
    [InlineData("!customer.planId.contains('x')")]
    public void String_helpers_are_ordinal(string condition) => Assert.True(TestFacts.Holds(condition, Sample));

    [Theory]
    [InlineData("abs(-2.5) == 2.5")]
    [InlineData("round(2.345, 2) == 2.35")]
    [InlineData("round(2.5) == 3")]
    public void Number_helpers_compute(string condition) => Assert.True(TestFacts.Holds(condition, Sample));

    [Theory]
    [InlineData("1 == 2")]
    [InlineData("plan.requiresApproval")]
    [InlineData("invoices.any(i => i.amount > 1000)")]
    [InlineData("plan.name == 'x' || opportunity.value < 0")]
    public void Conditions_that_do_not_hold_are_false(string condition) => Assert.False(TestFacts.Holds(condition, Sample));

    [Fact]
    public void Quoted_strings_accept_both_quote_styles_and_escapes() =>
        Assert.True(TestFacts.Holds("\"it's\" == 'it\\'s'", Sample));
}
