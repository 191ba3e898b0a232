using RuleSuspension.Workflows.Runtime;
using RuleSuspension.Workflows.Tests.Support;

namespace RuleSuspension.Workflows.Tests.Runtime;

public sealed class EngineSpecs
{
    private readonly FakeRuntime _runtime = new();

    [Fact]
    public async Task The_instance_is_saved_after_every_activity_with_its_journal_entry()
    {
        _runtime.Decisions["signup"] = FakeRuntime.Suspend();

        await _runtime.StartAsync(Flow.SuspendAndLift().Build());

        Assert.Equal(["evaluate:Suspend", "suspend:Suspended", "review:waiting"], _runtime.Path());
        Assert.Equal([WorkflowStatus.Running, WorkflowStatus.Running, WorkflowStatus.Waiting], _runtime.SavedStatuses);
        Assert.Equal([1, 2, 3], _runtime.Journal.Select(e => e.Sequence));
    }

    [Fact]
    public async Task The_journal_summarises_inputs_and_outputs()
    {
        _runtime.Decisions["signup"] = FakeRuntime.Suspend();

        await _runtime.StartAsync(Flow.SuspendAndLift().Build());

        Assert.Contains("\"ruleSet\":\"signup\"", _runtime.Journal[0].Summary);
        Assert.Contains("\"reasonCode\":\"identity-check\"", _runtime.Journal[1].Summary);
    }

    [Fact]
    public async Task A_waiting_instance_shows_waiting_only_until_it_is_resumed()
    {
        _runtime.Decisions["signup"] = FakeRuntime.Suspend();
        var flow = Flow.SuspendAndLift().Build();
        var instance = await _runtime.StartAsync(flow);

        await _runtime.CompleteTaskAsync(flow, instance, "Lift");

        Assert.Equal(WorkflowStatus.Completed, instance.Status);
        Assert.Empty(instance.Bookmarks);
        Assert.DoesNotContain(WorkflowStatus.Waiting, _runtime.SavedStatuses.Skip(3));
    }

    [Fact]
    public async Task An_instance_runs_only_on_the_version_it_started_with()
    {
        _runtime.Decisions["signup"] = FakeRuntime.Suspend();
        var version1 = Flow.SuspendAndLift().Build(version: 1);
        var instance = await _runtime.StartAsync(version1);

        await Assert.ThrowsAsync<InvalidOperationException>(() => _runtime.CompleteTaskAsync(Flow.SuspendAndLift().Build(version: 2), instance, "Lift"));
    }

    [Fact]
    public async Task A_signal_for_another_wait_does_not_resume_the_instance()
    {
        _runtime.Decisions["signup"] = FakeRuntime.Suspend();
        var flow = Flow.SuspendAndLift().Build();
        var instance = await _runtime.StartAsync(flow);

        var resumed = await _runtime.Engine().ResumeAsync(flow, instance, new TimerSignal(Guid.NewGuid()), default);

        Assert.False(resumed);
        Assert.Equal(WorkflowStatus.Waiting, instance.Status);
    }

    [Fact]
    public async Task A_failing_activity_faults_the_instance_with_a_journal_entry()
    {
        var flow = new Flow().Activity("suspend", "SuspendCustomer").Activity("review", "HumanTask", new { title = "t", role = "SuperAdmin", outcomes = new[] { "Lift" } })
            .Activity("lift", "LiftSuspension").Connect("suspend", "Suspended", "review").Connect("review", "Lift", "lift").Build();

        var instance = await _runtime.StartAsync(flow);

        Assert.Equal(WorkflowStatus.Faulted, instance.Status);
        Assert.Equal("suspend:Faulted", Assert.Single(_runtime.Path()));
        Assert.Contains("no reasonCode", instance.Fault);
    }

    [Fact]
    public async Task Side_effects_of_a_visit_get_ids_that_are_stable_across_reruns()
    {
        var flow = new Flow().Activity("tell", "Notify", new { type = "customer.warned" }).Build();
        var engine = _runtime.Engine();
        var instance = engine.CreateInstance(flow, "c-1", null);
        var again = engine.CreateInstance(flow, "c-1", null);

        await engine.StartAsync(flow, instance, default);
        await engine.StartAsync(flow, again, default);

        Assert.NotEqual(_runtime.Outbox[0].Id, _runtime.Outbox[1].Id);
        Assert.Equal(_runtime.Outbox[0].Id, StableIdOf(instance.Id));
    }

    [Fact]
    public async Task A_loop_through_a_delay_counts_its_visits()
    {
        var flow = new Flow()
            .Activity("wait", "Delay", new { duration = "PT1M" })
            .Activity("check", "If", new { condition = "customer.suspended" })
            .Connect("wait", "Done", "check").Connect("check", "True", "wait").Build();
        _runtime.ActiveSuspension = Guid.NewGuid();
        var instance = await _runtime.StartAsync(flow);

        await _runtime.FireTimerAsync(flow, instance);

        Assert.Equal(2, instance.Visits["wait"]);
        Assert.Equal(WorkflowStatus.Waiting, instance.Status);
    }

    private static Guid StableIdOf(Guid instanceId)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{instanceId:N}/tell/1/notify"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
