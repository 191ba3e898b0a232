using System.Text.Json.Nodes;
using RuleSuspension.Workflows.Catalog;
using RuleSuspension.Workflows.Ports;
using RuleSuspension.Workflows.Runtime;

namespace RuleSuspension.Workflows.Activities;

/// <summary>Opens a task for a role and waits until a person completes it; the person's answer is the outcome.</summary>
internal sealed class HumanTask : IBlockingActivity
{
    public string Type => ActivityTypes.HumanTask;

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var activity = context.Activity;
        var outcomes = ActivityCatalog.Find(Type)!.OutcomesOf(activity);
        var request = new OpenTaskRequest(
            context.Instance.Id, activity.Id, context.Visit, context.Instance.CustomerId,
            activity.Text("kind") ?? "lift-suspension", activity.Text("title") ?? activity.Name ?? activity.Id,
            activity.Text("role") ?? throw new ActivityFailedException("HumanTask has no role."), outcomes,
            context.Instance.SuspensionId, context.Instance.Decision?.ReasonCode);
        var taskId = await context.Services.Tasks.OpenAsync(request, context.CancellationToken);
        return ActivityResult.Wait(
            [new Bookmark(activity.Id, BookmarkKind.Task, context.Now, TaskId: taskId)],
            new JsonObject { ["taskId"] = taskId.ToString(), ["title"] = request.Title, ["role"] = request.Role, ["waiting"] = "task" });
    }

    public Task<ActivityResult?> ResumeAsync(ActivityContext context, WorkflowSignal signal)
    {
        if (signal is not TaskCompletedSignal { Completion: var completion }
            || !context.Instance.Bookmarks.Any(b => b.Kind == BookmarkKind.Task && b.TaskId == completion.TaskId))
        {
            return Task.FromResult<ActivityResult?>(null);
        }

        context.Instance.Remember(completion);
        return Task.FromResult<ActivityResult?>(ActivityResult.Done(completion.Outcome, new JsonObject
        {
            ["taskId"] = completion.TaskId.ToString(),
            ["completedBy"] = completion.Actor.ToString(),
            ["reason"] = completion.Reason,
        }));
    }
}
