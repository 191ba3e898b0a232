using System.Text.Json;
using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Suspensions;
using RuleSuspension.Workflows.Definitions;
using RuleSuspension.Workflows.Tests.Support;
using RuleSuspension.Workflows.Validation;

namespace RuleSuspension.Workflows.Tests.Validation;

public sealed class ValidationRuleSpecs
{
    [Fact]
    public void A_minimal_suspend_and_lift_flow_is_valid()
    {
        var errors = WorkflowValidator.Validate(Flow.SuspendAndLift().Build());

        Assert.Empty(errors);
    }

    [Fact]
    public void Unknown_activity_type_is_refused()
    {
        var definition = new Flow().Activity("a", "SendFax").Build();

        var error = Assert.Single(WorkflowValidator.Validate(definition));

        Assert.Equal("$.activities[0].type", error.Path);
        Assert.Equal("a", error.ActivityId);
        Assert.Contains("SendFax", error.Message);
    }

    [Fact]
    public void Unknown_property_is_refused()
    {
        var definition = new Flow().Activity("a", "End", new { color = "red" }).Build();

        var error = Assert.Single(WorkflowValidator.Validate(definition));

        Assert.Equal("$.activities[0].properties.color", error.Path);
    }

    [Fact]
    public void Property_of_the_wrong_type_is_refused()
    {
        var definition = new Flow().Activity("wait", "Delay", new { duration = 60 }).Build();

        var error = Assert.Single(WorkflowValidator.Validate(definition));

        Assert.Equal("$.activities[0].properties.duration", error.Path);
        Assert.Contains("must be a string", error.Message);
    }

    [Fact]
    public void Missing_required_property_is_refused()
    {
        var definition = new Flow().Activity("check", "If").Connect("check", "True", "check").Build();

        var errors = WorkflowValidator.Validate(definition);

        Assert.Contains(errors, e => e.Path == "$.activities[0].properties.condition" && e.Message.Contains("needs the property"));
    }

    [Fact]
    public void Value_outside_the_options_is_refused()
    {
        var definition = new Flow().Activity("n", "Notify", new { type = "customer.deleted" }).Build();

        var error = Assert.Single(WorkflowValidator.Validate(definition));

        Assert.Equal("$.activities[0].properties.type", error.Path);
    }

    [Fact]
    public void Invalid_expression_is_reported_with_line_and_column()
    {
        var definition = new Flow()
            .Activity("check", "If", new { condition = "customer.exempt &&\n  customer.nosuch == 1" })
            .Activity("end", "End")
            .Connect("check", "True", "end")
            .Build();

        var error = Assert.Single(WorkflowValidator.Validate(definition));

        Assert.Equal("$.activities[0].properties.condition", error.Path);
        Assert.Equal(2, error.Line);
        Assert.NotNull(error.Column);
    }

    [Fact]
    public void Dangling_connection_is_refused()
    {
        var definition = new Flow().Activity("a", "Delay", new { duration = "PT1M" }).Connect("a", "Done", "nowhere").Build();

        var error = Assert.Single(WorkflowValidator.Validate(definition));

        Assert.Equal("$.connections[0].to", error.Path);
        Assert.Equal("a --Done--> nowhere", error.Connection);
    }

    [Fact]
    public void Connection_from_an_outcome_the_activity_does_not_have_is_refused()
    {
        var definition = new Flow().Activity("a", "Delay", new { duration = "PT1M" }).Activity("b", "End").Connect("a", "Later", "b").Build();

        var errors = WorkflowValidator.Validate(definition);

        Assert.Contains(errors, e => e.Path == "$.connections[0].outcome");
    }

    [Fact]
    public void Unreachable_activity_is_refused()
    {
        var definition = new Flow().Activity("a", "End").Activity("island", "End").Build();

        var error = Assert.Single(WorkflowValidator.Validate(definition));

        Assert.Equal("$.activities[1]", error.Path);
        Assert.Equal("island", error.ActivityId);
    }

    [Fact]
    public void Required_outcome_left_unconnected_is_refused()
    {
        var definition = new Flow().Activity("evaluate", "EvaluateRuleSet", new { ruleSet = "signup" }).Build();

        var error = Assert.Single(WorkflowValidator.Validate(definition));

        Assert.Equal("$.activities[0]", error.Path);
        Assert.Contains("'Suspend'", error.Message);
    }

    [Fact]
    public void Every_answer_of_a_human_task_must_be_connected()
    {
        var definition = Flow.SuspendAndLift().Build();
        definition = definition with { Connections = definition.Connections.Where(c => c.Outcome != "Keep").ToList() };

        var error = Assert.Single(WorkflowValidator.Validate(definition));

        Assert.Contains("'Keep'", error.Message);
    }

    [Fact]
    public void Cycle_without_a_blocking_activity_is_refused()
    {
        var definition = new Flow()
            .Activity("a", "If", new { condition = "true" })
            .Activity("b", "SetVariable", new { variable = "n", value = 1 })
            .Variable("n", "number")
            .Connect("a", "True", "b")
            .Connect("b", "Done", "a")
            .Build();

        var error = Assert.Single(WorkflowValidator.Validate(definition));

        Assert.Contains("no blocking activity", error.Message);
    }

    [Fact]
    public void Cycle_through_a_delay_is_accepted()
    {
        var definition = new Flow()
            .Activity("a", "If", new { condition = "customer.suspended" })
            .Activity("wait", "Delay", new { duration = "P1D" })
            .Activity("end", "End")
            .Connect("a", "True", "wait")
            .Connect("a", "False", "end")
            .Connect("wait", "Done", "a")
            .Build();

        Assert.Empty(WorkflowValidator.Validate(definition));
    }

    [Fact]
    public void Lift_without_passing_a_human_task_is_refused()
    {
        var definition = new Flow()
            .Activity("check", "If", new { condition = "customer.identityVerified" })
            .Activity("lift", "LiftSuspension")
            .Connect("check", "True", "lift")
            .Build();

        var error = Assert.Single(WorkflowValidator.Validate(definition));

        Assert.Equal("lift", error.ActivityId);
        Assert.Contains("without passing a HumanTask", error.Message);
    }

    [Fact]
    public void Lift_after_a_task_for_a_role_that_may_not_lift_is_refused()
    {
        var definition = new Flow()
            .Activity("ask", "HumanTask", new { title = "Lift?", role = "Viewer", outcomes = new[] { "Lift" } })
            .Activity("lift", "LiftSuspension")
            .Connect("ask", "Lift", "lift")
            .Build();

        var error = Assert.Single(WorkflowValidator.Validate(definition));

        Assert.Equal("lift", error.ActivityId);
    }

    [Fact]
    public void The_lifting_role_comes_from_the_suspension_policy()
    {
        var definition = new Flow()
            .Activity("ask", "HumanTask", new { title = "Lift?", role = "Admin", outcomes = new[] { "Lift" } })
            .Activity("lift", "LiftSuspension")
            .Connect("ask", "Lift", "lift")
            .Build();

        var errors = WorkflowValidator.Validate(definition, new WorkflowValidationOptions { Policy = SuspensionPolicy.Default with { LiftingRole = Role.Admin } });

        Assert.Empty(errors);
    }

    [Fact]
    public void Suspension_that_does_not_lead_to_a_lift_task_is_refused()
    {
        var definition = new Flow()
            .Activity("evaluate", "EvaluateRuleSet", new { ruleSet = "signup" })
            .Activity("suspend", "SuspendCustomer")
            .Activity("tell", "Notify", new { type = "customer.suspended" })
            .Connect("evaluate", "Suspend", "suspend")
            .Connect("suspend", "Suspended", "tell")
            .Build();

        var error = Assert.Single(WorkflowValidator.Validate(definition));

        Assert.Equal("suspend", error.ActivityId);
        Assert.Contains("ends at 'tell'", error.Message);
    }

    [Fact]
    public void Unknown_trigger_event_type_is_refused()
    {
        var definition = new Flow().Trigger("customer.deleted").Activity("a", "End").Build();

        var error = Assert.Single(WorkflowValidator.Validate(definition));

        Assert.Equal("$.triggers[0].event", error.Path);
    }

    [Fact]
    public void Invalid_trigger_filter_is_reported_with_its_position()
    {
        var definition = new Flow().Trigger("customer.signed-up", "customer.exempt ==").Activity("a", "End").Build();

        var error = Assert.Single(WorkflowValidator.Validate(definition));

        Assert.Equal("$.triggers[0].filter", error.Path);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void SetVariable_of_an_undeclared_variable_is_refused()
    {
        var definition = new Flow().Activity("set", "SetVariable", new { variable = "ghost", value = 1 }).Build();

        var error = Assert.Single(WorkflowValidator.Validate(definition));

        Assert.Equal("$.activities[0].properties.variable", error.Path);
    }

    [Fact]
    public void Unknown_rule_set_is_refused_when_the_store_is_asked()
    {
        var definition = Flow.SuspendAndLift().Build();

        var error = Assert.Single(WorkflowValidator.Validate(definition, new WorkflowValidationOptions { RuleSetExists = _ => false }));

        Assert.Equal("$.activities[0].properties.ruleSet", error.Path);
    }

    [Fact]
    public void Malformed_json_is_reported_with_line_and_column()
    {
        var errors = new List<WorkflowValidationError>();

        WorkflowJson.Parse("{\n  \"id\": \"x\",\n  \"name\": }", errors);

        var error = Assert.Single(errors);
        Assert.Equal(3, error.Line);
        Assert.NotNull(error.Column);
    }

    [Fact]
    public void Shape_errors_name_their_json_path()
    {
        using var json = JsonDocument.Parse("""{ "id": "x", "name": 5, "start": "a", "activities": [ { "id": "a", "type": "End", "colour": 1 } ] }""");

        var result = WorkflowValidator.Validate(json.RootElement);

        Assert.Contains(result.Errors, e => e.Path == "$.name");
        Assert.Contains(result.Errors, e => e.Path == "$.activities[0].colour");
    }

    [Fact]
    public void Every_error_is_reported_at_once()
    {
        var definition = new Flow()
            .Activity("a", "SendFax")
            .Activity("b", "Delay", new { duration = "soon" })
            .Connect("a", "Done", "nowhere")
            .Build();

        var errors = WorkflowValidator.Validate(definition);

        Assert.True(errors.Count >= 3, string.Join("\n", errors));
    }
}
