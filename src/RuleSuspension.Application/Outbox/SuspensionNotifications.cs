using System.Text.Json;
using RuleSuspension.Domain.Outbox;
using RuleSuspension.Domain.Suspensions;

namespace RuleSuspension.Application.Outbox;

/// <summary>
/// The outbox messages of suspensions made and lifted by hand, shaped like the workflow's Notify messages, so the
/// host's webhooks and the account managers' emails hear of every suspension, not only the automatic ones.
/// </summary>
internal static class SuspensionNotifications
{
    public static OutboxMessage Suspended(Suspension suspension, DateTimeOffset at)
        => Message(NotificationTypes.CustomerSuspended, suspension, suspension.ReasonText, at);

    public static OutboxMessage Reactivated(Suspension suspension, DateTimeOffset at)
        => Message(NotificationTypes.CustomerReactivated, suspension, suspension.LiftReason, at);

    private static OutboxMessage Message(string type, Suspension suspension, string? message, DateTimeOffset at) => new(
        Guid.NewGuid(),
        type,
        suspension.CustomerId,
        JsonSerializer.Serialize(new { customerId = suspension.CustomerId, reasonCode = suspension.ReasonCode, message, suspensionId = suspension.Id }, JsonSerializerOptions.Web),
        at);
}
