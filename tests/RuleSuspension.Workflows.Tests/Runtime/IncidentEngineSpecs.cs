using System.Text.Json.Nodes;
using RuleSuspension.Domain.Common;
using RuleSuspension.Workflows.Runtime;
using RuleSuspension.Workflows.Tests.Support;

namespace RuleSuspension.Workflows.Tests.Runtime;

/// <summary>A faulted instance is retried from its failed step, or cancelled; nothing else is.</summary>
public sealed class IncidentEngineSpecs
{
    private readonly FakeRuntime _runtime = new();

    [Fact]
    public async Task Retry_runs_the_failed_step_again_and_on_from_there()
    {
        var flow = Flow.SuspendAndLift().Build();
        _runtime.Decisions["signup"] = FakeRuntime.Suspend();
        _runtime.Broken.Add("signup");
        var instance = await _runtime.StartAsync(flow);
        _runtime.Broken.Clear();

        await _runtime.Engine().RetryAsync(flow, instance, new JsonObject { ["reason"] = "fixed" }, default);

        Assert.Equal(["evaluate:Faulted", "evaluate:Retried", "evaluate:Suspend", "suspend:Suspended", "review:waiting"], _runtime.Path());
        Assert.Equal(WorkflowStatus.Waiting, instance.Status);
        Assert.Null(instance.Fault);
    }

    [Fact]
    public async Task Retry_journal_entry_keeps_the_fault_and_the_reason()
    {
        var flow = Flow.SuspendAndLift().Build();
        _runtime.Broken.Add("signup");
        var instance = await _runtime.StartAsync(flow);

        await _runtime.Engine().RetryAsync(flow, instance, new JsonObject { ["reason"] = "fixed" }, default);

        var retried = Assert.Single(_runtime.Journal, e => e.Outcome == "Retried");
        Assert.Contains("\"reason\":\"fixed\"", retried.Summary);
        Assert.Contains("signup cannot evaluate", retried.Summary);
    }

    [Fact]
    public async Task Cancel_ends_a_faulted_instance_without_running_it()
    {
        var flow = Flow.SuspendAndLift().Build();
        _runtime.Broken.Add("signup");
        var instance = await _runtime.StartAsync(flow);

        await _runtime.Engine().CancelAsync(flow, instance, new JsonObject { ["reason"] = "gone" }, default);

        Assert.Equal(WorkflowStatus.Cancelled, instance.Status);
        Assert.Equal(["evaluate:Faulted", "evaluate:Cancelled"], _runtime.Path());
    }

    [Fact]
    public async Task Retry_of_a_waiting_instance_is_a_conflict()
    {
        var flow = Flow.SuspendAndLift().Build();
        _runtime.Decisions["signup"] = FakeRuntime.Suspend();
        var instance = await _runtime.StartAsync(flow);

        var refused = await Assert.ThrowsAsync<DomainException>(() => _runtime.Engine().RetryAsync(flow, instance, [], default));

        Assert.Equal(DomainErrorKind.Conflict, refused.Kind);
        Assert.Equal(WorkflowStatus.Waiting, instance.Status);
    }

    [Fact]
    public async Task Retry_on_another_version_than_the_instance_own_is_refused()
    {
        _runtime.Broken.Add("signup");
        var instance = await _runtime.StartAsync(Flow.SuspendAndLift().Build());

        await Assert.ThrowsAsync<InvalidOperationException>(() => _runtime.Engine().RetryAsync(Flow.SuspendAndLift().Build(version: 2), instance, [], default));
    }
}
