using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Outbox;
using RuleSuspension.Rules;
using RuleSuspension.Rules.Facts;
using RuleSuspension.Workflows.Definitions;
using RuleSuspension.Workflows.Ports;
using RuleSuspension.Workflows.Runtime;
using RuleSuspension.Workflows.Tests.Support;

namespace RuleSuspension.Workflows.Tests.Runtime;

/// <summary>The engine apart from its collaborators: what each step asks of the ports, checked on substitutes.</summary>
public sealed class EngineAgainstPortsSpecs
{
    private const string CustomerId = "c-1";

    private readonly IWorkflowInstanceStore _store = Substitute.For<IWorkflowInstanceStore>();
    private readonly IWorkflowFacts _facts = Substitute.For<IWorkflowFacts>();
    private readonly IRuleSetEvaluator _rules = Substitute.For<IRuleSetEvaluator>();
    private readonly ICustomerSuspensions _suspensions = Substitute.For<ICustomerSuspensions>();
    private readonly IHumanTaskInbox _inbox = Substitute.For<IHumanTaskInbox>();
    private readonly IWorkflowOutbox _outbox = Substitute.For<IWorkflowOutbox>();
    private readonly IWorkflowTimerScheduler _timers = Substitute.For<IWorkflowTimerScheduler>();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly Guid _suspensionId = Guid.NewGuid();
    private readonly Guid _taskId = Guid.NewGuid();

    public EngineAgainstPortsSpecs()
    {
        _facts.BuildAsync(default!, default, default, default, default)
            .ReturnsForAnyArgs(new FactSet { Customer = new CustomerFact { Id = CustomerId, Name = "Ada" } });
        _rules.EvaluateAsync("signup", Arg.Any<FactSet>(), Arg.Any<CancellationToken>()).Returns(new RuleSetEvaluation(3, FakeRuntime.Suspend()));
        _suspensions.SuspendAsync(default!, default).ReturnsForAnyArgs(new SuspendResult(SuspendStatus.Suspended, _suspensionId, "suspended"));
        _suspensions.LiftAsync(default!, default).ReturnsForAnyArgs(new LiftResult(true, _suspensionId, "lifted"));
        _inbox.OpenAsync(default!, default).ReturnsForAnyArgs(_taskId);
    }

    [Fact]
    public async Task A_suspend_step_asks_for_one_suspension_with_the_decisions_reason()
    {
        var instance = await StartAsync(Flow.SuspendAndLift().Build());

        await _suspensions.Received(1).SuspendAsync(
            Arg.Is<SuspendRequest>(r => r.CustomerId == CustomerId && r.InstanceId == instance.Id && r.ReasonCode == "identity-check"
                && r.ReasonText == "Identity not verified." && r.DecidedBy == "workflow:test-flow@1" && r.RuleName == "identity-not-verified"),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task An_evaluation_builds_only_the_facts_its_rule_set_reads()
    {
        _rules.NeedsAsync("signup", Arg.Any<CancellationToken>()).Returns(FactNeeds.Invoices | FactNeeds.Plan);

        await StartAsync(Flow.SuspendAndLift().Build());

        await _facts.Received(1).BuildAsync(CustomerId, null, null, FactNeeds.Invoices | FactNeeds.Plan, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_human_task_step_asks_the_inbox_to_open_a_task_for_its_role_and_answers()
    {
        var instance = await StartAsync(Flow.SuspendAndLift().Build());

        await _inbox.Received(1).OpenAsync(
            Arg.Is<OpenTaskRequest>(t => t.InstanceId == instance.Id && t.ActivityId == "review" && t.Visit == 1 && t.Role == "SuperAdmin"
                && t.Title == "Review and lift" && t.Outcomes.SequenceEqual(new[] { "Lift", "Keep" }) && t.SuspensionId == _suspensionId && t.ReasonCode == "identity-check"),
            Arg.Any<CancellationToken>());
        Assert.Equal(_taskId, Assert.Single(instance.Bookmarks).TaskId);
    }

    [Fact]
    public async Task A_waiting_human_task_lifts_nothing()
    {
        await StartAsync(Flow.SuspendAndLift().Build());

        await _suspensions.DidNotReceiveWithAnyArgs().LiftAsync(default!, default);
    }

    [Fact]
    public async Task A_lift_step_lifts_on_behalf_of_the_person_who_completed_the_task_with_their_reason()
    {
        var flow = Flow.SuspendAndLift().Build();
        var instance = await StartAsync(flow);
        var completion = new TaskCompletion(_taskId, "review", "Lift", "grace", Role.SuperAdmin, "Checked the passport.", _clock.GetUtcNow());

        await Engine().ResumeAsync(flow, instance, new TaskCompletedSignal(completion), default);

        await _suspensions.Received(1).LiftAsync(
            Arg.Is<LiftRequest>(r => r.CustomerId == CustomerId && r.InstanceId == instance.Id && r.SuspensionId == _suspensionId
                && r.By == Actor.Person("grace", Role.SuperAdmin) && r.Reason == "Checked the passport."),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_delay_step_schedules_its_timer_due_after_the_duration()
    {
        var flow = new Flow().Activity("wait", "Delay", new { duration = "PT2H" }).Activity("end", "End").Connect("wait", "Done", "end").Build();

        var instance = await StartAsync(flow);

        await _timers.Received(1).ScheduleAsync(
            Arg.Is<TimerRequest>(t => t.InstanceId == instance.Id && t.CustomerId == CustomerId && t.ActivityId == "wait" && t.DueAt == _clock.GetUtcNow().AddHours(2)),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task An_event_that_ends_a_wait_cancels_its_timeout()
    {
        var flow = new Flow().Activity("wait", "WaitForEvent", new { eventType = "invoice.paid", timeout = "P7D" }).Activity("end", "End")
            .Connect("wait", "Received", "end").Connect("wait", "Timeout", "end").Build();
        var instance = await StartAsync(flow);
        _clock.Advance(TimeSpan.FromHours(1));
        var paid = new WorkflowEvent("e-1", "invoice.paid", _clock.GetUtcNow(), CustomerId, System.Text.Json.JsonDocument.Parse("{}").RootElement);

        await Engine().ResumeAsync(flow, instance, new EventSignal(paid), default);

        await _timers.Received().CancelAsync(instance.Id, "wait", Arg.Any<CancellationToken>());
        Assert.Equal(WorkflowStatus.Completed, instance.Status);
    }

    [Fact]
    public async Task A_notify_step_writes_one_message_of_its_type_to_the_outbox()
    {
        var flow = new Flow().Activity("tell", "Notify", new { type = NotificationTypes.CustomerWarned, message = "Pay soon." }).Build();

        await StartAsync(flow);

        await _outbox.Received(1).EnqueueAsync(
            Arg.Is<OutboxRequest>(m => m.Type == NotificationTypes.CustomerWarned && m.CustomerId == CustomerId && (string?)m.Payload["message"] == "Pay soon."),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_port_that_fails_faults_the_instance_and_the_fault_is_saved()
    {
        _suspensions.SuspendAsync(default!, default).ThrowsAsyncForAnyArgs(new InvalidOperationException("database away"));

        var instance = await StartAsync(Flow.SuspendAndLift().Build());

        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        await _store.Received(1).SaveAsync(instance, Arg.Is<IReadOnlyList<WorkflowJournalEntry>>(e => e.Single().ActivityId == "suspend" && e.Single().Outcome == "Faulted"), Arg.Any<CancellationToken>());
        await _inbox.DidNotReceiveWithAnyArgs().OpenAsync(default!, default);
    }

    private WorkflowEngine Engine() => new(_store, _facts, _rules, _suspensions, _inbox, _outbox, _timers, _clock);

    private async Task<WorkflowInstance> StartAsync(WorkflowDefinition definition)
    {
        var engine = Engine();
        var instance = engine.CreateInstance(definition, CustomerId, trigger: null);
        await engine.StartAsync(definition, instance, default);
        return instance;
    }
}
