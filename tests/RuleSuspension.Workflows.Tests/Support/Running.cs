using RuleSuspension.Domain.Access;
using RuleSuspension.Workflows.Definitions;
using RuleSuspension.Workflows.Runtime;

namespace RuleSuspension.Workflows.Tests.Support;

/// <summary>Shortcuts to start an instance and complete its task.</summary>
internal static class Running
{
    public static async Task<WorkflowInstance> StartAsync(this FakeRuntime runtime, WorkflowDefinition definition, WorkflowEvent? trigger = null)
    {
        var engine = runtime.Engine();
        var instance = engine.CreateInstance(definition, runtime.Customer.Id, trigger);
        await engine.StartAsync(definition, instance, default);
        return instance;
    }

    public static Task<bool> CompleteTaskAsync(this FakeRuntime runtime, WorkflowDefinition definition, WorkflowInstance instance, string outcome, Role role = Role.SuperAdmin)
    {
        var taskId = instance.Bookmarks.Single(b => b.Kind == BookmarkKind.Task).TaskId!.Value;
        var completion = new TaskCompletion(taskId, instance.CurrentActivityId!, outcome, "grace", role, "Checked the passport.", runtime.Clock.GetUtcNow());
        return runtime.Engine().ResumeAsync(definition, instance, new TaskCompletedSignal(completion), default);
    }

    public static Task<bool> FireTimerAsync(this FakeRuntime runtime, WorkflowDefinition definition, WorkflowInstance instance)
    {
        var timerId = instance.Bookmarks.Single(b => b.Kind == BookmarkKind.Timer).TimerId!.Value;
        return runtime.Engine().ResumeAsync(definition, instance, new TimerSignal(timerId), default);
    }

    public static IReadOnlyList<string> Path(this FakeRuntime runtime) => runtime.Journal.Select(e => $"{e.ActivityId}:{e.Outcome ?? "waiting"}").ToList();
}
