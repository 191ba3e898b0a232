using System.Text.Json.Nodes;
using RuleSuspension.Workflows.Catalog;
using RuleSuspension.Workflows.Definitions;
using RuleSuspension.Workflows.Ports;
using RuleSuspension.Workflows.Runtime;

namespace RuleSuspension.Workflows.Activities;

/// <summary>Waits for a duration through a durable timer.</summary>
internal sealed class DelayActivity : IBlockingActivity
{
    public const string TypeName = "Delay";

    public ActivityDescriptor Descriptor { get; } = new()
    {
        Type = TypeName,
        DisplayName = "Delay",
        Category = "Flow",
        Description = "Waits for a duration; a timer resumes the instance, on whichever node, after a restart too.",
        Properties = [new() { Name = "duration", Type = PropertyTypes.Duration, Required = true, Description = "ISO 8601 duration, e.g. PT1H or P7D." }],
        Outcomes = ["Done"],
        Blocking = true,
    };

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (!Durations.TryParse(context.Activity.Text("duration"), out var duration))
        {
            throw new ActivityFailedException("Delay has no valid duration.");
        }

        var timerId = context.StableId("delay");
        var due = context.Now + duration;
        await context.Services.Timers.ScheduleAsync(new TimerRequest(timerId, context.Instance.Id, context.Instance.CustomerId, context.Activity.Id, due), context.CancellationToken);
        return ActivityResult.Wait(
            [new Bookmark(context.Activity.Id, BookmarkKind.Timer, context.Now, TimerId: timerId, DueAt: due)],
            new JsonObject { ["duration"] = context.Activity.Text("duration"), ["dueAt"] = due, ["waiting"] = "timer" });
    }

    public Task<ActivityResult?> ResumeAsync(ActivityContext context, WorkflowSignal signal)
        => Task.FromResult(signal is TimerSignal timer && context.Instance.Bookmarks.Any(b => b.Kind == BookmarkKind.Timer && b.TimerId == timer.TimerId)
            ? ActivityResult.Done("Done", new JsonObject { ["timerId"] = timer.TimerId.ToString() })
            : null);
}
