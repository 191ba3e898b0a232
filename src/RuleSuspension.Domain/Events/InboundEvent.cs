namespace RuleSuspension.Domain.Events;

/// <summary>An event received from the host platform, stored once per id (the id is the idempotency key).</summary>
public sealed class InboundEvent
{
    private InboundEvent()
    {
        Id = Type = CustomerId = Data = null!;
    }

    public InboundEvent(string id, string type, DateTimeOffset occurredAt, string customerId, string data, DateTimeOffset receivedAt)
    {
        Id = id;
        Type = type;
        OccurredAt = occurredAt.ToUniversalTime();
        CustomerId = customerId;
        Data = data;
        ReceivedAt = receivedAt.ToUniversalTime();
    }

    public string Id { get; private set; }

    public string Type { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public string CustomerId { get; private set; }

    /// <summary>The event's <c>data</c> object as JSON, extra fields included.</summary>
    public string Data { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }
}
