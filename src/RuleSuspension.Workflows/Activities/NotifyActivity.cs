using System.Text.Json.Nodes;
using RuleSuspension.Domain.Outbox;
using RuleSuspension.Workflows.Catalog;
using RuleSuspension.Workflows.Ports;
using RuleSuspension.Workflows.Runtime;

namespace RuleSuspension.Workflows.Activities;

/// <summary>Writes a notification to the outbox; delivery (webhooks, email) happens elsewhere, at least once.</summary>
internal sealed class NotifyActivity : IActivity
{
    public const string TypeName = "Notify";

    public ActivityDescriptor Descriptor { get; } = new()
    {
        Type = TypeName,
        DisplayName = "Notify",
        Category = "Actions",
        Description = "Writes a notification to the outbox, from which webhooks and emails are delivered.",
        Properties =
        [
            new() { Name = "type", Type = PropertyTypes.String, Required = true, Options = NotificationTypes.All, Description = "The notification type." },
            new() { Name = "message", Type = PropertyTypes.Text, Description = "The message; by default the last decision's." },
        ],
        Outcomes = ["Done"],
    };

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var type = context.Activity.Text("type") ?? throw new ActivityFailedException("Notify has no type.");
        var instance = context.Instance;
        var message = context.Activity.Text("message") is { Length: > 0 } text ? text : instance.Decision?.Message;
        var id = context.StableId("notify");
        var payload = new JsonObject
        {
            ["customerId"] = instance.CustomerId,
            ["reasonCode"] = instance.Decision?.ReasonCode,
            ["message"] = message,
            ["suspensionId"] = instance.SuspensionId?.ToString(),
            ["workflow"] = new JsonObject { ["id"] = instance.DefinitionId, ["version"] = instance.DefinitionVersion, ["instanceId"] = instance.Id.ToString() },
        };
        await context.Services.Outbox.EnqueueAsync(new OutboxRequest(id, type, instance.CustomerId, payload), context.CancellationToken);
        return ActivityResult.Done("Done", new JsonObject { ["type"] = type, ["messageId"] = id.ToString(), ["message"] = message });
    }
}
