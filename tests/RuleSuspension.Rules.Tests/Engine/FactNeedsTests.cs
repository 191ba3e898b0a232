using RuleSuspension.Rules.Facts;
using static RuleSuspension.Rules.Tests.TestFacts;

namespace RuleSuspension.Rules.Tests.Engine;

/// <summary>A compiled set or condition tells which costly parts of the facts it reads, so callers load only those.</summary>
public class FactNeedsTests
{
    [Fact]
    public void A_set_that_reads_only_the_customer_needs_nothing_more()
    {
        var set = Compile([Rule("unverified", "!customer.identityVerified && today > 2026-01-01")]);

        Assert.Equal(FactNeeds.None, set.Needs);
    }

    [Fact]
    public void Conditions_asserted_values_and_messages_all_count()
    {
        var set = Compile([
            Rule("balance", "invoices.any()", 10, AssertFact("big", "opportunity.value > 100")),
            Rule("approval", "facts.big", 0, Review("approval", "Plan {plan.name} from {event.type}")),
        ]);

        Assert.Equal(FactNeeds.Invoices | FactNeeds.Opportunity | FactNeeds.Plan | FactNeeds.Event, set.Needs);
    }

    [Fact]
    public void A_lambda_parameter_named_like_a_root_is_not_a_read_of_it()
    {
        var condition = RuleExpression.CompileCondition("invoices.any(plan => plan.amount > 0)").Condition!;

        Assert.Equal(FactNeeds.Invoices, condition.Needs);
    }

    [Fact]
    public void A_condition_needs_what_it_reads()
    {
        var condition = RuleExpression.CompileCondition("customer.exempt || plan.requiresApproval").Condition!;

        Assert.Equal(FactNeeds.Plan, condition.Needs);
    }
}
