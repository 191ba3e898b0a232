using System.Text.Json;
using System.Text.Json.Nodes;
using RuleSuspension.Domain.Access;
using RuleSuspension.Workflows.Catalog;
using RuleSuspension.Workflows.Definitions;
using RuleSuspension.Workflows.Ports;
using RuleSuspension.Workflows.Runtime;

namespace RuleSuspension.Workflows.Activities;

/// <summary>Opens a task for a role and waits until a person completes it; the person's answer is the outcome.</summary>
internal sealed class HumanTaskActivity : IBlockingActivity
{
    public const string TypeName = "HumanTask";

    public ActivityDescriptor Descriptor { get; } = new()
    {
        Type = TypeName,
        DisplayName = "Human task",
        Category = "People",
        Description = "Opens a task in the inbox for a role and waits until a person completes it with one of its outcomes and a reason.",
        Properties =
        [
            new() { Name = "title", Type = PropertyTypes.String, Required = true, Description = "What the person is asked to do." },
            new() { Name = "role", Type = PropertyTypes.String, Required = true, Options = Enum.GetNames<Role>(), Description = "The role that may complete it (SuperAdmin always may)." },
            new() { Name = "outcomes", Type = PropertyTypes.StringList, Default = JsonSerializer.SerializeToElement(DefaultOutcomes), Description = "The answers the person chooses from." },
            new() { Name = "kind", Type = PropertyTypes.String, Default = JsonSerializer.SerializeToElement(DefaultKind), Description = "The task kind shown in the inbox." },
        ],
        Outcomes = DefaultOutcomes,
        Blocking = true,
    };

    private const string DefaultKind = "lift-suspension";

    private static readonly string[] DefaultOutcomes = ["Lift", "Keep"];

    /// <summary>The person's answers: the <c>outcomes</c> property when it is set, Lift and Keep otherwise.</summary>
    public IReadOnlyList<string> OutcomesOf(ActivityDefinition activity)
        => activity.Properties.TryGetValue("outcomes", out var declared) && declared.ValueKind == JsonValueKind.Array
            ? declared.EnumerateArray().Where(o => o.ValueKind == JsonValueKind.String).Select(o => o.GetString()!).ToList()
            : DefaultOutcomes;

    /// <summary>A person's every answer must lead somewhere: an unconnected answer would silently end the workflow.</summary>
    public IReadOnlyList<string> RequiredOutcomesOf(ActivityDefinition activity) => OutcomesOf(activity);

    public void Check(ActivityCheck check)
    {
        var outcomes = OutcomesOf(check.Activity);
        if (check.Activity.Properties.ContainsKey("outcomes") && (outcomes.Count == 0 || outcomes.Distinct().Count() != outcomes.Count || outcomes.Any(string.IsNullOrWhiteSpace)))
        {
            check.Error(".properties.outcomes", "A human task has at least one outcome, each named once.");
        }
    }

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var activity = context.Activity;
        var outcomes = OutcomesOf(activity);
        var request = new OpenTaskRequest(
            context.Instance.Id, activity.Id, context.Visit, context.Instance.CustomerId,
            activity.Text("kind") ?? DefaultKind, activity.Text("title") ?? activity.Name ?? activity.Id,
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
