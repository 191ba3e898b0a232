using RuleSuspension.Rules.Facts;
using static RuleSuspension.Rules.Tests.TestFacts;

namespace RuleSuspension.Rules.Tests.Engine;

/// <summary>
/// <see cref="RuleLimits.MaxItemsPerEvaluation"/>: nested loops over long lists end the evaluation with a
/// <see cref="RuleEvaluationException"/> instead of running for seconds (or hours).
/// </summary>
public class EvaluationBudgetTests
{
    private static FactSet WithManagers(int count) =>
        FactsOf(customer: Customer() with { AccountManagers = Enumerable.Range(0, count).Select(i => $"am{i}@host.test").ToArray() });

    private const string NestedAny = "customer.accountManagers.any(a => customer.accountManagers.any(b => b == a + 'x'))";

    [Fact]
    public void Nested_loops_past_the_budget_end_a_condition_with_an_evaluation_error()
    {
        var condition = RuleExpression.CompileCondition(NestedAny).Condition!;
        var error = Assert.Throws<RuleEvaluationException>(() => condition.Evaluate(WithManagers(10_000)));
        Assert.Contains("evaluation budget", error.Message);
    }

    [Fact]
    public void Nested_loops_past_the_budget_end_a_rule_set_evaluation()
    {
        var set = Compile([Rule("managers", NestedAny, 0, Suspend("x"))]);
        var error = Assert.Throws<RuleEvaluationException>(() => set.Evaluate(WithManagers(10_000)));
        Assert.Contains("evaluation budget", error.Message);
    }

    [Fact]
    public void Searches_inside_a_loop_are_charged_to_the_budget()
    {
        var condition = RuleExpression.CompileCondition("customer.accountManagers.any(a => (a + 'x') in customer.accountManagers)").Condition!;
        Assert.Throws<RuleEvaluationException>(() => condition.Evaluate(WithManagers(10_000)));
    }

    [Fact]
    public void Nested_loops_within_the_budget_complete()
    {
        // 900 x 900 = 810,000 items, under the budget.
        var condition = RuleExpression.CompileCondition(NestedAny).Condition!;
        Assert.False(condition.Evaluate(WithManagers(900)));
    }

    [Fact]
    public void Budget_is_per_evaluation_not_per_thread()
    {
        var set = Compile([Rule("managers", NestedAny, 0, Suspend("x"))]);
        var facts = WithManagers(900);
        for (var i = 0; i < 3; i++)
            Assert.Equal(DecisionOutcome.None, set.Evaluate(facts).Outcome);
    }

    [Fact]
    public void Budget_is_shared_by_the_rules_of_one_evaluation()
    {
        // Each rule alone stays under the budget (810,000 items); both together do not.
        var set = Compile([Rule("first", NestedAny, 2), Rule("second", NestedAny + " || false", 1)]);
        Assert.Throws<RuleEvaluationException>(() => set.Evaluate(WithManagers(900)));
    }
}
