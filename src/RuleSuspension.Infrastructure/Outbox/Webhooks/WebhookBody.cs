using System.Text.Json;
using RuleSuspension.Domain.Outbox;

namespace RuleSuspension.Infrastructure.Outbox.Webhooks;

/// <summary>The JSON a receiver gets: <c>{ "id", "type", "occurredAt", "customerId", "data" }</c>.</summary>
public static class WebhookBody
{
    /// <summary>The exact bytes that are sent and signed.</summary>
    public static byte[] Of(OutboxMessage message)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", message.Id);
            json.WriteString("type", message.Type);
            json.WriteString("occurredAt", message.CreatedAt);
            json.WriteString("customerId", message.CustomerId);

            // The payload is stored as JSON already; it is passed through, not re-encoded as a string.
            json.WritePropertyName("data");
            json.WriteRawValue(message.Payload);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
