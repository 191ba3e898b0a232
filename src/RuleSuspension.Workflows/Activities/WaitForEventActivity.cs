using System.Text.Json.Nodes;
using RuleSuspension.Domain.Events;
using RuleSuspension.Workflows.Catalog;
using RuleSuspension.Workflows.Definitions;
using RuleSuspension.Workflows.Expressions;
using RuleSuspension.Workflows.Ports;
using RuleSuspension.Workflows.Runtime;

namespace RuleSuspension.Workflows.Activities;

/// <summary>
/// Waits for an event of the instance's customer (optionally meeting a filter), or for its timeout. An event that
/// occurred before the one the instance last saw is stale and does not resume it (events may arrive out of order).
/// </summary>
internal sealed class WaitForEventActivity : IBlockingActivity
{
    public const string TypeName = "WaitForEvent";

    public ActivityDescriptor Descriptor { get; } = new()
    {
        Type = TypeName,
        DisplayName = "Wait for event",
        Category = "Flow",
        Description = "Waits for an event of the customer, optionally with a filter, or for the timeout.",
        Properties =
        [
            new() { Name = "eventType", Type = PropertyTypes.String, Required = true, Options = EventTypes.All, Description = "The event type to wait for." },
            new() { Name = "filter", Type = PropertyTypes.Expression, Description = "A condition the event must meet (event.data.x ...)." },
            new() { Name = "timeout", Type = PropertyTypes.Duration, Description = "How long to wait before ending with Timeout (ISO 8601, e.g. P7D)." },
        ],
        Outcomes = ["Received", "Timeout"],
        RequiredOutcomes = ["Received"],
        Blocking = true,
    };

    /// <summary>With a timeout, the Timeout outcome can happen and must lead somewhere too.</summary>
    public IReadOnlyList<string> RequiredOutcomesOf(ActivityDefinition activity)
        => activity.Properties.ContainsKey("timeout") ? Descriptor.Outcomes : Descriptor.RequiredOutcomes;

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var eventType = context.Activity.Text("eventType") ?? throw new ActivityFailedException("WaitForEvent has no eventType.");
        var bookmarks = new List<Bookmark> { new(context.Activity.Id, BookmarkKind.Event, context.Now, EventType: eventType) };
        var summary = new JsonObject { ["eventType"] = eventType, ["waiting"] = "event" };
        if (Durations.TryParse(context.Activity.Text("timeout"), out var timeout))
        {
            var timerId = context.StableId("timeout");
            var due = context.Now + timeout;
            await context.Services.Timers.ScheduleAsync(new TimerRequest(timerId, context.Instance.Id, context.Instance.CustomerId, context.Activity.Id, due), context.CancellationToken);
            bookmarks.Add(new Bookmark(context.Activity.Id, BookmarkKind.Timer, context.Now, TimerId: timerId, DueAt: due));
            summary["timeoutAt"] = due;
        }

        return ActivityResult.Wait(bookmarks, summary);
    }

    public async Task<ActivityResult?> ResumeAsync(ActivityContext context, WorkflowSignal signal)
    {
        var instance = context.Instance;
        switch (signal)
        {
            case TimerSignal timer when instance.Bookmarks.Any(b => b.Kind == BookmarkKind.Timer && b.TimerId == timer.TimerId):
                return ActivityResult.Done("Timeout", new JsonObject { ["timerId"] = timer.TimerId.ToString() });
            case EventSignal { Event: var received } when Matches(context, received):
                if (context.Activity.Text("filter") is { Length: > 0 } filter
                    && Conditions.Get(filter) is var condition
                    && !condition.Evaluate(await context.FactsAsync(condition.Needs, received.Id)))
                {
                    return null;
                }

                instance.Receive(received);
                await context.Services.Timers.CancelAsync(instance.Id, context.Activity.Id, context.CancellationToken);
                return ActivityResult.Done("Received", new JsonObject { ["eventId"] = received.Id, ["eventType"] = received.Type, ["occurredAt"] = received.OccurredAt });
            default:
                return null;
        }
    }

    private static bool Matches(ActivityContext context, WorkflowEvent received)
        => received.CustomerId == context.Instance.CustomerId
           && context.Instance.Bookmarks.Any(b => b.Kind == BookmarkKind.Event && b.EventType == received.Type)
           && (context.Instance.EventOccurredAt is not { } seen || received.OccurredAt >= seen);
}
