namespace RuleSuspension.Rules.Tests.Language;

public class JsonAndVariablesTests
{
    private static readonly Facts.FactSet PlanChanged = TestFacts.FactsOf(
        @event: TestFacts.Event("customer.plan-changed",
            """{ "fromPlanId": "basic", "toPlan": { "id": "pro", "name": "Pro", "requiresApproval": true }, "seats": 12, "source": "portal", "extra": { "flags": ["a", "b"] } }"""),
        variables: new Dictionary<string, System.Text.Json.JsonElement>
        {
            ["attempts"] = TestFacts.Json("3"),
            ["approved"] = TestFacts.Json("false"),
        },
        decision: new RuleSetDecision { Outcome = DecisionOutcome.Suspend, ReasonCode = "plan-approval" });

    [Theory]
    [InlineData("event.data.toPlan.requiresApproval == true")]
    [InlineData("event.data.toPlan.requiresApproval")]
    [InlineData("event.data.toPlan.name == 'Pro'")]
    [InlineData("event.data.seats > 10")]
    [InlineData("event.data.seats == '12'")]
    [InlineData("event.data['source'] == 'portal'")]
    [InlineData("event.data.extra.flags[1] == 'b'")]
    [InlineData("event.data.missing == null")]
    [InlineData("event.data.toPlan == event.data.toPlan")]
    [InlineData("event.data.source in ['portal', 'api']")]
    [InlineData("(event.data.missing ?? 'fallback') == 'fallback'")]
    [InlineData("event.type == 'customer.plan-changed'")]
    public void Json_data_is_reachable_and_coerces_at_runtime(string condition) =>
        Assert.True(TestFacts.Holds(condition, PlanChanged));

    [Theory]
    [InlineData("variables.attempts >= 3")]
    [InlineData("variables.approved == false")]
    [InlineData("variables['attempts'] == 3")]
    [InlineData("variables.unknown == null")]
    public void Workflow_variables_are_json(string condition) => Assert.True(TestFacts.Holds(condition, PlanChanged));

    [Theory]
    [InlineData("decision.outcome == 'suspend'")]
    [InlineData("decision.reasonCode == 'plan-approval'")]
    public void The_last_decision_is_reachable(string condition) => Assert.True(TestFacts.Holds(condition, PlanChanged));

    [Fact]
    public void Without_an_event_its_data_is_null() =>
        Assert.True(TestFacts.Holds("event.data.toPlan.requiresApproval == null && !event.data.toPlan.requiresApproval"));
}
