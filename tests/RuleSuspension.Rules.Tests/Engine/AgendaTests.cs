using static RuleSuspension.Rules.Tests.TestFacts;

namespace RuleSuspension.Rules.Tests.Engine;

public class AgendaTests
{
    private static string[] FiredNames(RuleSetDecision decision) => decision.FiredRules.Select(r => r.Rule).ToArray();

    [Fact]
    public void Higher_priority_rules_fire_first()
    {
        var set = Compile([Rule("low", "true", 1), Rule("high", "true", 10), Rule("middle", "true", 5)]);
        Assert.Equal(["high", "middle", "low"], FiredNames(set.Evaluate(FactsOf())));
    }

    [Fact]
    public void Equal_priorities_fire_in_declaration_order()
    {
        var set = Compile([Rule("first", "true", 5), Rule("second", "true", 5), Rule("third", "true", 5)]);
        Assert.Equal(["first", "second", "third"], FiredNames(set.Evaluate(FactsOf())));
    }

    [Fact]
    public void A_rule_whose_condition_is_false_does_not_fire()
    {
        var set = Compile([Rule("never", "customer.exempt"), Rule("always", "true")]);
        Assert.Equal(["always"], FiredNames(set.Evaluate(FactsOf())));
    }

    [Fact]
    public void Asserted_facts_enable_lower_priority_rules()
    {
        var set = Compile([
            Rule("derive", "true", 10, AssertFact("balance", "invoices.sum(i => i.amountDue)")),
            Rule("use", "facts.balance > 50", 1, Suspend("non-payment")),
        ]);
        var decision = set.Evaluate(FactsOf(invoices: [Overdue(3, 80m)]));
        Assert.Equal(["derive", "use"], FiredNames(decision));
        Assert.Equal(DecisionOutcome.Suspend, decision.Outcome);
    }

    [Fact]
    public void Forward_chaining_re_evaluates_higher_priority_rules_after_an_assertion()
    {
        // "use" has the higher priority but can only fire once "derive" has asserted its fact.
        var set = Compile([
            Rule("use", "facts.flagged == true", 10, Review("manual")),
            Rule("derive", "true", 1, AssertFact("flagged", "invoices.any(i => i.daysOverdue > 0)")),
        ]);
        var decision = set.Evaluate(FactsOf(invoices: [Overdue(3)]));
        Assert.Equal(["derive", "use"], FiredNames(decision));
        Assert.Equal(DecisionOutcome.Review, decision.Outcome);
    }

    [Fact]
    public void Facts_chain_through_several_rules()
    {
        var set = Compile([
            Rule("a", "true", 0, AssertFact("x", "1")),
            Rule("b", "facts.x == 1", 0, AssertFact("y", "facts.x + 1")),
            Rule("c", "facts.y == 2", 0, Suspend("other", "y is {facts.y}")),
        ]);
        var decision = set.Evaluate(FactsOf());
        Assert.Equal(["a", "b", "c"], FiredNames(decision));
        Assert.Equal("y is 2", decision.Message);
    }

    [Fact]
    public void Each_rule_fires_at_most_once_even_when_its_facts_change()
    {
        var set = Compile([
            Rule("count", "true", 10, AssertFact("n", "1")),
            Rule("again", "facts.n >= 1", 5, AssertFact("n", "facts.n + 1")),
        ]);
        var decision = set.Evaluate(FactsOf(), explain: true);
        Assert.Equal(["count", "again"], FiredNames(decision));
        Assert.Equal(2m, decision.Explanation!.Facts.Single(f => f.Name == "n").Value);
    }

    [Fact]
    public void Halt_stops_the_agenda()
    {
        var set = Compile([Rule("stop", "true", 10, Halt()), Rule("after", "true", 1, Suspend("other"))]);
        var decision = set.Evaluate(FactsOf());
        Assert.Equal(["stop"], FiredNames(decision));
        Assert.Equal(DecisionOutcome.None, decision.Outcome);
    }

    [Fact]
    public void Actions_before_halt_in_the_same_rule_still_count()
    {
        var set = Compile([Rule("stop", "true", 10, Suspend("crm"), Halt()), Rule("after", "true", 1, Warn("x"))]);
        var decision = set.Evaluate(FactsOf());
        Assert.Equal((DecisionOutcome.Suspend, "crm"), (decision.Outcome, decision.ReasonCode));
        Assert.Equal(["stop"], FiredNames(decision));
    }

    [Fact]
    public void Exceeding_the_cycle_bound_fails_with_a_clear_error()
    {
        var set = Compile([Rule("a", "true"), Rule("b", "true"), Rule("c", "true")], options: new RuleSetCompilerOptions { MaxCycles = 2 });
        var error = Assert.Throws<RuleEvaluationException>(() => set.Evaluate(FactsOf()));
        Assert.Equal("rule set 'test' fired more than 2 rules in one evaluation (the cycle bound); the last was 'c'", error.Message);
    }

    [Fact]
    public void The_strongest_action_decides()
    {
        var set = Compile([Rule("w", "true", 10, Warn("w")), Rule("s", "true", 5, Suspend("s")), Rule("r", "true", 1, Review("r"))]);
        var decision = set.Evaluate(FactsOf());
        Assert.Equal((DecisionOutcome.Suspend, "s"), (decision.Outcome, decision.ReasonCode));
    }

    [Fact]
    public void Among_equally_strong_actions_the_first_fired_gives_the_reason()
    {
        var set = Compile([Rule("one", "true", 10, Warn("first", "m1")), Rule("two", "true", 5, Warn("second", "m2"))]);
        var decision = set.Evaluate(FactsOf());
        Assert.Equal(("first", "m1"), (decision.ReasonCode, decision.Message));
    }

    [Fact]
    public void No_rule_firing_gives_no_decision()
    {
        var set = Compile([Rule("never", "false")]);
        var decision = set.Evaluate(FactsOf());
        Assert.Equal((DecisionOutcome.None, null, 0), (decision.Outcome, decision.ReasonCode, decision.FiredRules.Count));
    }

    [Fact]
    public void Reading_a_fact_not_yet_asserted_gives_null()
    {
        var set = Compile([
            Rule("probe", "facts.total == null && !facts.flag", 10, Warn("unset")),
            Rule("late", "false", 0, AssertFact("total", "1"), AssertFact("flag", "true")),
        ]);
        Assert.Equal("unset", set.Evaluate(FactsOf()).ReasonCode);
    }

    [Fact]
    public void Comparisons_with_an_unasserted_fact_are_false()
    {
        var set = Compile([
            Rule("probe", "facts.total > 0 || facts.total <= 0", 10, Warn("compared")),
            Rule("late", "false", 0, AssertFact("total", "1")),
        ]);
        Assert.Empty(set.Evaluate(FactsOf()).FiredRules);
    }

    [Fact]
    public void Messages_interpolate_facts_parameters_and_the_fact_model()
    {
        var set = Compile(
            [Rule("r", "true", 0, AssertFact("balance", "invoices.sum(i => i.amountDue)"), Suspend("non-payment", "{customer.name}: {{balance}} {facts.balance} over {params.limit} on {today}"))],
            [Parameter("limit", "number", "0.01")]);
        var decision = set.Evaluate(FactsOf(invoices: [Overdue(1, 120.00m)]));
        Assert.Equal("Acme Ltd: {balance} 120.00 over 0.01 on 2026-03-01", decision.Message);
        Assert.Equal(decision.Message, decision.FiredRules[0].Actions[1].Message);
    }

    [Fact]
    public void The_same_compiled_set_evaluates_concurrently()
    {
        var set = Compile([
            Rule("derive", "true", 10, AssertFact("balance", "invoices.sum(i => i.amountDue)")),
            Rule("use", "facts.balance > 50", 1, Suspend("non-payment", "{facts.balance}")),
        ]);
        var results = Enumerable.Range(0, 2000).AsParallel().Select(i =>
            set.Evaluate(FactsOf(invoices: [Overdue(1, i)])).Message ?? "none").ToArray();
        Assert.Equal(Enumerable.Range(0, 2000).Select(i => i > 50 ? i.ToString() : "none"), results);
    }

    [Fact]
    public void A_runtime_failure_names_the_rule()
    {
        // Overflow is null, not a failure; spending the evaluation budget is one.
        var set = Compile([Rule("managers", "customer.accountManagers.any(a => customer.accountManagers.any(b => b == a + 'x'))")]);
        var managers = Enumerable.Range(0, 10_000).Select(i => $"am{i}@host.test").ToArray();
        var error = Assert.Throws<RuleEvaluationException>(() => set.Evaluate(FactsOf(customer: Customer() with { AccountManagers = managers })));
        Assert.StartsWith("rule 'managers' of rule set 'test' failed in its condition", error.Message);
    }
}
