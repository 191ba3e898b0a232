using System.Text.Json;
using RuleSuspension.Rules;
using RuleSuspension.Rules.Facts;
using RuleSuspension.Workflows.Runtime;
using RuleSuspension.Workflows.Tests.Support;

namespace RuleSuspension.Workflows.Tests.Activities;

public sealed class ActivitySpecs
{
    private readonly FakeRuntime _runtime = new();

    [Fact]
    public async Task EvaluateRuleSet_takes_the_outcome_of_the_decision_and_keeps_it_for_later_steps()
    {
        _runtime.Decisions["signup"] = FakeRuntime.Suspend();
        var flow = new Flow()
            .Activity("evaluate", "EvaluateRuleSet", new { ruleSet = "signup" })
            .Activity("check", "If", new { condition = "decision.outcome == \"suspend\" && decision.reasonCode == \"identity-check\"" })
            .Activity("end", "End")
            .Connect("evaluate", "Suspend", "check")
            .Connect("check", "True", "end")
            .Build();

        var instance = await _runtime.StartAsync(flow);

        Assert.Equal(["evaluate:Suspend", "check:True", "end:Done"], _runtime.Path());
        Assert.Equal(3, instance.Decision!.RuleSetVersion);
        Assert.Equal("identity-not-verified", instance.Decision.DecidingRule);
    }

    [Fact]
    public async Task EvaluateRuleSet_asks_for_the_facts_its_rules_read()
    {
        _runtime.RuleSetNeeds["non-payment"] = FactNeeds.Invoices | FactNeeds.Plan;
        var flow = new Flow().Activity("evaluate", "EvaluateRuleSet", new { ruleSet = "non-payment" }).Activity("end", "End")
            .Connect("evaluate", "None", "end").Build();

        await _runtime.StartAsync(flow);

        Assert.Equal([FactNeeds.Invoices | FactNeeds.Plan], _runtime.FactsBuilt);
    }

    [Fact]
    public async Task If_asks_for_the_facts_its_condition_reads()
    {
        var flow = new Flow().Activity("check", "If", new { condition = "opportunity.stage == \"Deactivate Account\"" }).Activity("end", "End")
            .Connect("check", "True", "end").Connect("check", "False", "end").Build();

        await _runtime.StartAsync(flow);

        Assert.Equal([FactNeeds.Opportunity], _runtime.FactsBuilt);
    }

    [Fact]
    public async Task EvaluateRuleSet_with_no_rule_firing_ends_with_None()
    {
        var flow = Flow.SuspendAndLift().Build();

        var instance = await _runtime.StartAsync(flow);

        Assert.Equal("evaluate:None", _runtime.Path()[0]);
        Assert.Equal(WorkflowStatus.Completed, instance.Status);
    }

    [Theory]
    [InlineData(true, "True")]
    [InlineData(false, "False")]
    public async Task If_follows_the_outcome_of_its_condition(bool verified, string outcome)
    {
        _runtime.Customer = _runtime.Customer with { IdentityVerified = verified };
        var flow = new Flow().Activity("check", "If", new { condition = "customer.identityVerified" }).Activity("end", "End")
            .Connect("check", "True", "end").Connect("check", "False", "end").Build();

        await _runtime.StartAsync(flow);

        Assert.Equal($"check:{outcome}", _runtime.Path()[0]);
    }

    [Fact]
    public async Task SuspendCustomer_suspends_with_the_reason_of_the_decision()
    {
        _runtime.Decisions["signup"] = FakeRuntime.Suspend("identity-check", "Identity of Ada not verified.");

        var instance = await _runtime.StartAsync(Flow.SuspendAndLift().Build());

        var request = Assert.Single(_runtime.Suspensions);
        Assert.Equal(("identity-check", "Identity of Ada not verified.", "workflow:test-flow@1", "identity-not-verified"), (request.ReasonCode, request.ReasonText, request.DecidedBy, request.RuleName));
        Assert.Equal(instance.Id, request.InstanceId);
        Assert.Equal(_runtime.ActiveSuspension, instance.SuspensionId);
    }

    [Fact]
    public async Task SuspendCustomer_with_a_fixed_reason_uses_it()
    {
        var flow = new Flow()
            .Activity("suspend", "SuspendCustomer", new { reasonCode = "investigation", reasonText = "Fraud check." })
            .Activity("review", "HumanTask", new { title = "Lift?", role = "SuperAdmin", outcomes = new[] { "Lift" } })
            .Activity("lift", "LiftSuspension")
            .Connect("suspend", "Suspended", "review").Connect("review", "Lift", "lift").Build();

        await _runtime.StartAsync(flow);

        Assert.Equal("investigation", Assert.Single(_runtime.Suspensions).ReasonCode);
    }

    [Fact]
    public async Task SuspendCustomer_skips_an_exempt_customer()
    {
        _runtime.Decisions["signup"] = FakeRuntime.Suspend();
        _runtime.Exempt = true;

        var instance = await _runtime.StartAsync(Flow.SuspendAndLift().Build());

        Assert.Equal("suspend:Skipped", _runtime.Path()[1]);
        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Empty(_runtime.Tasks);
    }

    [Fact]
    public async Task SuspendCustomer_leaves_a_suspension_by_someone_else_alone()
    {
        _runtime.Decisions["signup"] = FakeRuntime.Suspend();
        _runtime.ActiveSuspension = Guid.NewGuid();

        var instance = await _runtime.StartAsync(Flow.SuspendAndLift().Build());

        Assert.Equal("suspend:Skipped", _runtime.Path()[1]);
        Assert.Null(instance.SuspensionId);
    }

    [Fact]
    public async Task Notify_writes_an_outbox_message_with_the_decision()
    {
        _runtime.Decisions["non-payment"] = new RuleSetDecision { Outcome = DecisionOutcome.Warn, ReasonCode = "non-payment", Message = "8 days overdue." };
        var flow = new Flow()
            .Activity("evaluate", "EvaluateRuleSet", new { ruleSet = "non-payment" })
            .Activity("warn", "Notify", new { type = "customer.warned" })
            .Activity("end", "End")
            .Activity("suspend", "SuspendCustomer")
            .Activity("review", "HumanTask", new { title = "Lift?", role = "SuperAdmin", outcomes = new[] { "Lift" } })
            .Activity("lift", "LiftSuspension")
            .Connect("evaluate", "Warn", "warn").Connect("warn", "Done", "end").Connect("evaluate", "Suspend", "suspend")
            .Connect("suspend", "Suspended", "review").Connect("review", "Lift", "lift").Build();

        await _runtime.StartAsync(flow);

        var message = Assert.Single(_runtime.Outbox);
        Assert.Equal(("customer.warned", "c-1", "8 days overdue."), (message.Type, message.CustomerId, (string?)message.Payload["message"]));
    }

    [Fact]
    public async Task HumanTask_opens_a_task_and_waits_with_a_bookmark()
    {
        _runtime.Decisions["signup"] = FakeRuntime.Suspend();

        var instance = await _runtime.StartAsync(Flow.SuspendAndLift().Build());

        var task = Assert.Single(_runtime.Tasks);
        Assert.Equal(("lift-suspension", "SuperAdmin", "identity-check"), (task.Kind, task.Role, task.ReasonCode));
        Assert.Equal(["Lift", "Keep"], task.Outcomes);
        Assert.Equal(instance.SuspensionId, task.SuspensionId);
        Assert.Equal(WorkflowStatus.Waiting, instance.Status);
        Assert.Equal("review", instance.CurrentActivityId);
        Assert.Equal(BookmarkKind.Task, Assert.Single(instance.Bookmarks).Kind);
    }

    [Fact]
    public async Task Completing_the_task_with_Keep_ends_without_lifting()
    {
        _runtime.Decisions["signup"] = FakeRuntime.Suspend();
        var flow = Flow.SuspendAndLift().Build();
        var instance = await _runtime.StartAsync(flow);

        await _runtime.CompleteTaskAsync(flow, instance, "Keep");

        Assert.Empty(_runtime.Lifts);
        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.NotNull(_runtime.ActiveSuspension);
    }

    [Fact]
    public async Task LiftSuspension_lifts_on_behalf_of_the_person_who_completed_the_task()
    {
        _runtime.Decisions["signup"] = FakeRuntime.Suspend();
        var flow = Flow.SuspendAndLift().Build();
        var instance = await _runtime.StartAsync(flow);

        await _runtime.CompleteTaskAsync(flow, instance, "Lift");

        var lift = Assert.Single(_runtime.Lifts);
        Assert.Equal(("grace (SuperAdmin)", "Checked the passport."), (lift.By.ToString(), lift.Reason));
        Assert.True(lift.By.IsPerson);
        Assert.Equal(instance.SuspensionId, lift.SuspensionId);
        Assert.Equal(WorkflowStatus.Completed, instance.Status);
    }

    [Fact]
    public async Task LiftSuspension_with_nothing_left_to_lift_carries_on()
    {
        _runtime.Decisions["signup"] = FakeRuntime.Suspend();
        var flow = Flow.SuspendAndLift().Build();
        var instance = await _runtime.StartAsync(flow);
        _runtime.ActiveSuspension = null;

        await _runtime.CompleteTaskAsync(flow, instance, "Lift");

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Contains("lift:Done", _runtime.Path());
    }

    [Fact]
    public async Task LiftSuspension_without_a_completed_task_faults_rather_than_lifting()
    {
        // Validation refuses such a flow; the runtime refuses it again in case an unvalidated one gets through.
        var flow = new Flow().Activity("lift", "LiftSuspension").Build();

        var instance = await _runtime.StartAsync(flow);

        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        Assert.Empty(_runtime.Lifts);
        Assert.Contains("needs a person", instance.Fault);
    }

    [Fact]
    public async Task WaitForEvent_resumes_on_a_matching_event_of_the_customer()
    {
        var flow = WaitFlow(timeout: null);
        var start = _runtime.Event("e-1", "customer.signed-up", _runtime.Clock.GetUtcNow());
        var instance = await _runtime.StartAsync(flow, start);

        var resumed = await _runtime.Engine().ResumeAsync(flow, instance, new EventSignal(_runtime.Event("e-2", "identity.verified", start.OccurredAt.AddMinutes(5))), default);

        Assert.True(resumed);
        Assert.Equal(["wait:waiting", "wait:Received", "end:Done"], _runtime.Path());
        Assert.Equal("e-2", instance.EventId);
    }

    [Fact]
    public async Task WaitForEvent_ignores_an_event_older_than_the_one_that_started_it()
    {
        var flow = WaitFlow(timeout: null);
        var start = _runtime.Event("e-1", "customer.signed-up", _runtime.Clock.GetUtcNow());
        var instance = await _runtime.StartAsync(flow, start);

        var resumed = await _runtime.Engine().ResumeAsync(flow, instance, new EventSignal(_runtime.Event("e-0", "identity.verified", start.OccurredAt.AddHours(-1))), default);

        Assert.False(resumed);
        Assert.Equal(WorkflowStatus.Waiting, instance.Status);
    }

    [Fact]
    public async Task WaitForEvent_ignores_an_event_its_filter_refuses()
    {
        var flow = WaitFlow(timeout: null, filter: "event.data.level == \"full\"");
        var instance = await _runtime.StartAsync(flow);

        var resumed = await _runtime.Engine().ResumeAsync(flow, instance, new EventSignal(_runtime.Event("e-2", "identity.verified", _runtime.Clock.GetUtcNow(), """{"level":"basic"}""")), default);

        Assert.False(resumed);
    }

    [Fact]
    public async Task WaitForEvent_ends_with_Timeout_when_its_timer_fires()
    {
        var flow = WaitFlow(timeout: "P7D");
        var instance = await _runtime.StartAsync(flow);
        Assert.Equal(_runtime.Clock.GetUtcNow().AddDays(7), Assert.Single(_runtime.Timers.Values).DueAt);

        await _runtime.FireTimerAsync(flow, instance);

        Assert.Equal("wait:Timeout", _runtime.Path()[1]);
        Assert.Empty(_runtime.Timers);
    }

    [Fact]
    public async Task WaitForEvent_cancels_its_timeout_when_the_event_comes()
    {
        var flow = WaitFlow(timeout: "P7D");
        var instance = await _runtime.StartAsync(flow);

        await _runtime.Engine().ResumeAsync(flow, instance, new EventSignal(_runtime.Event("e-2", "identity.verified", _runtime.Clock.GetUtcNow())), default);

        Assert.Empty(_runtime.Timers);
    }

    [Fact]
    public async Task Delay_schedules_a_durable_timer_and_resumes_when_it_fires()
    {
        var flow = new Flow().Activity("wait", "Delay", new { duration = "PT2H" }).Activity("end", "End").Connect("wait", "Done", "end").Build();
        var instance = await _runtime.StartAsync(flow);
        var timer = Assert.Single(_runtime.Timers.Values);
        Assert.Equal(_runtime.Clock.GetUtcNow().AddHours(2), timer.DueAt);
        Assert.Equal(WorkflowStatus.Waiting, instance.Status);

        await _runtime.FireTimerAsync(flow, instance);

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
    }

    [Fact]
    public async Task SetVariable_sets_a_value_that_later_expressions_see()
    {
        var flow = new Flow()
            .Variable("attempts", "number", 0)
            .Activity("set", "SetVariable", new { variable = "attempts", value = 2 })
            .Activity("check", "If", new { condition = "variables.attempts == 2" })
            .Activity("end", "End")
            .Connect("set", "Done", "check").Connect("check", "True", "end").Build();

        var instance = await _runtime.StartAsync(flow);

        Assert.Equal(2, instance.Variables["attempts"].GetInt32());
        Assert.Equal("check:True", _runtime.Path()[1]);
    }

    [Fact]
    public async Task SetVariable_can_set_the_truth_of_a_condition()
    {
        var flow = new Flow()
            .Variable("verified", "boolean")
            .Activity("set", "SetVariable", new { variable = "verified", condition = "customer.identityVerified" })
            .Build();

        var instance = await _runtime.StartAsync(flow);

        Assert.Equal(JsonValueKind.False, instance.Variables["verified"].ValueKind);
    }

    [Fact]
    public async Task End_completes_the_instance()
    {
        var instance = await _runtime.StartAsync(new Flow().Activity("end", "End").Build());

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Null(instance.CurrentActivityId);
        Assert.NotNull(instance.CompletedAt);
    }

    private static Definitions.WorkflowDefinition WaitFlow(string? timeout, string? filter = null)
    {
        var flow = new Flow()
            .Activity("wait", "WaitForEvent", timeout is null
                ? filter is null ? new { eventType = "identity.verified" } : (object)new { eventType = "identity.verified", filter }
                : new { eventType = "identity.verified", timeout })
            .Activity("end", "End")
            .Connect("wait", "Received", "end");
        return (timeout is null ? flow : flow.Connect("wait", "Timeout", "end")).Build();
    }
}
