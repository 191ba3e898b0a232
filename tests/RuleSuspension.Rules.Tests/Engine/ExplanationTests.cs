using System.Text.Json;
using static RuleSuspension.Rules.Tests.TestFacts;

namespace RuleSuspension.Rules.Tests.Engine;

public class ExplanationTests
{
    private static CompiledRuleSet Set() => Compile(
        [
            Rule("derive", "true", 10, AssertFact("overdueBalance", "invoices.sum(i => i.amountDue)")),
            Rule("suspend", "customer.exempt == false && facts.overdueBalance >= params.minOverdueAmount", 5, Suspend("non-payment")),
            Rule("vip", "'gold' in customer.tags || customer.exempt", 1, Warn("vip")),
        ],
        [Parameter("minOverdueAmount", "number", "0.01")]);

    [Fact]
    public void No_explanation_unless_asked()
    {
        Assert.Null(Set().Evaluate(FactsOf()).Explanation);
    }

    [Fact]
    public void Every_rule_is_listed_in_agenda_order_with_whether_it_fired()
    {
        var explanation = Set().Evaluate(FactsOf(invoices: [Overdue(3, 120.00m)]), explain: true).Explanation!;
        Assert.Equal(
            [("derive", true, (int?)1), ("suspend", true, 2), ("vip", false, null)],
            explanation.Rules.Select(r => (r.Rule, r.Fired, r.FiringOrder)));
    }

    [Fact]
    public void Terms_carry_the_value_each_part_of_the_condition_had()
    {
        var rule = Set().Evaluate(FactsOf(invoices: [Overdue(3, 120.00m)]), explain: true).Explanation!.Rules.Single(r => r.Rule == "suspend");
        Assert.Equal(
            [
                ("customer.exempt", (object?)false),
                ("customer.exempt == false", true),
                ("facts.overdueBalance", 120.00m),
                ("params.minOverdueAmount", 0.01m),
                ("facts.overdueBalance >= params.minOverdueAmount", true),
            ],
            rule.Terms.Select(t => (t.Expression, t.Value)));
        Assert.True(rule.Result);
    }

    [Fact]
    public void Terms_skipped_by_short_circuit_are_marked_not_evaluated()
    {
        var rule = Set().Evaluate(FactsOf(customer: Customer(exempt: false)), explain: true).Explanation!.Rules.Single(r => r.Rule == "vip");
        Assert.Equal(
            [("'gold' in customer.tags", true), ("customer.exempt", true)],
            rule.Terms.Select(t => (t.Expression, t.Evaluated)));
        Assert.False(rule.Result);
    }

    [Fact]
    public void Derived_facts_are_listed_with_their_final_values()
    {
        var explanation = Set().Evaluate(FactsOf(invoices: [Overdue(3, 120.00m)]), explain: true).Explanation!;
        var fact = Assert.Single(explanation.Facts);
        Assert.Equal(("overdueBalance", (object?)120.00m), (fact.Name, fact.Value));
    }

    [Fact]
    public void Rules_not_reached_after_a_halt_say_why()
    {
        var set = Compile([Rule("stop", "true", 10, Halt()), Rule("after", "true", 1)]);
        var after = set.Evaluate(FactsOf(), explain: true).Explanation!.Rules.Single(r => r.Rule == "after");
        Assert.Null(after.Result);
        Assert.Equal("not evaluated: rule 'stop' halted the evaluation", after.SkippedBecause);
    }

    [Fact]
    public void Explanation_serialises_to_readable_json()
    {
        var decision = Set().Evaluate(FactsOf(invoices: [Overdue(3, 120.00m)]), explain: true);
        var json = JsonSerializer.Serialize(decision, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        Assert.Contains("\"expression\":\"facts.overdueBalance\",\"value\":120.00", json);
        Assert.Contains("\"outcome\":\"suspend\"", json);
    }

    [Fact]
    public void Explained_and_plain_evaluations_decide_the_same()
    {
        var facts = FactsOf(invoices: [Overdue(3, 120.00m)]);
        var plain = Set().Evaluate(facts);
        var explained = Set().Evaluate(facts, explain: true);
        Assert.Equal((plain.Outcome, plain.ReasonCode), (explained.Outcome, explained.ReasonCode));
    }
}
