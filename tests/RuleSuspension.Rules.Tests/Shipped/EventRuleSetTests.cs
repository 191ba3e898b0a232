using RuleSuspension.Rules.Facts;
using static RuleSuspension.Rules.Tests.TestFacts;

namespace RuleSuspension.Rules.Tests.Shipped;

public class SignupTests
{
    private static readonly CompiledRuleSet Set = ShippedSet("signup");

    [Fact]
    public void Unverified_identity_suspends_for_an_identity_check()
    {
        var decision = Set.Evaluate(FactsOf(customer: Customer(identityVerified: false)));
        Assert.Equal((DecisionOutcome.Suspend, "identity-check"), (decision.Outcome, decision.ReasonCode));
        Assert.Equal("The identity of Acme Ltd (billing@acme.test) is not verified.", decision.Message);
    }

    [Fact]
    public void Verified_identity_decides_nothing() =>
        Assert.Equal(DecisionOutcome.None, Set.Evaluate(FactsOf(customer: Customer(identityVerified: true))).Outcome);

    [Fact]
    public void Exempt_unverified_customer_is_not_suspended() =>
        Assert.Equal(DecisionOutcome.None, Set.Evaluate(FactsOf(customer: Customer(identityVerified: false, exempt: true))).Outcome);
}

public class PlanChangeTests
{
    private static readonly CompiledRuleSet Set = ShippedSet("plan-change");

    private static EventFact PlanChanged(bool requiresApproval) => Event("customer.plan-changed",
        $$"""{ "fromPlanId": "basic", "toPlan": { "id": "pro", "name": "Pro", "requiresApproval": {{(requiresApproval ? "true" : "false")}} } }""");

    [Fact]
    public void Plan_requiring_approval_suspends()
    {
        var decision = Set.Evaluate(FactsOf(@event: PlanChanged(true)));
        Assert.Equal((DecisionOutcome.Suspend, "plan-approval"), (decision.Outcome, decision.ReasonCode));
        Assert.Equal("The change to plan Pro requires approval.", decision.Message);
    }

    [Fact]
    public void Plan_without_approval_decides_nothing() =>
        Assert.Equal(DecisionOutcome.None, Set.Evaluate(FactsOf(@event: PlanChanged(false))).Outcome);

    [Fact]
    public void Plan_fact_is_used_when_there_is_no_event()
    {
        var decision = Set.Evaluate(FactsOf(plan: new PlanFact { Id = "pro", Name = "Pro", RequiresApproval = true }));
        Assert.Equal(DecisionOutcome.Suspend, decision.Outcome);
    }

    [Fact]
    public void Exempt_customer_is_not_suspended() =>
        Assert.Equal(DecisionOutcome.None, Set.Evaluate(FactsOf(customer: Customer(exempt: true), @event: PlanChanged(true))).Outcome);
}

public class CrmOpportunityTests
{
    private static readonly CompiledRuleSet Set = ShippedSet("crm-opportunity");

    private static OpportunityFact InStage(string stage) => new() { Id = "o-7", BoardId = "b-1", BoardName = "Renewals", Stage = stage, Value = 900m };

    [Fact]
    public void Opportunity_in_the_default_suspending_stage_suspends()
    {
        var decision = Set.Evaluate(FactsOf(opportunity: InStage("Deactivate Account")));
        Assert.Equal((DecisionOutcome.Suspend, "crm"), (decision.Outcome, decision.ReasonCode));
        Assert.Equal("Opportunity o-7 on board Renewals entered stage 'Deactivate Account'.", decision.Message);
    }

    [Fact]
    public void Opportunity_in_another_stage_decides_nothing() =>
        Assert.Equal(DecisionOutcome.None, Set.Evaluate(FactsOf(opportunity: InStage("Negotiation"))).Outcome);

    [Fact]
    public void Suspending_stages_are_a_parameter()
    {
        var overrides = ParameterValues.Parse("""{ "suspendingStages": ["Churned", "Fraud"] }""");
        Assert.Equal(DecisionOutcome.Suspend, Set.Evaluate(FactsOf(opportunity: InStage("Fraud")), overrides).Outcome);
        Assert.Equal(DecisionOutcome.None, Set.Evaluate(FactsOf(opportunity: InStage("Deactivate Account")), overrides).Outcome);
    }

    [Fact]
    public void No_opportunity_decides_nothing() =>
        Assert.Equal(DecisionOutcome.None, Set.Evaluate(FactsOf()).Outcome);

    [Fact]
    public void Exempt_customer_is_not_suspended() =>
        Assert.Equal(DecisionOutcome.None, Set.Evaluate(FactsOf(customer: Customer(exempt: true), opportunity: InStage("Deactivate Account"))).Outcome);
}
