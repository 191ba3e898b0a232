namespace RuleSuspension.Domain.Outbox;

/// <summary>
/// A notification to deliver (webhook, email), written in the same transaction as the change it reports, so that a
/// crash loses none. Delivery is at least once; <see cref="Id"/> lets the receiver drop repeats.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
        Type = CustomerId = Payload = null!;
    }

    public OutboxMessage(Guid id, string type, string customerId, string payload, DateTimeOffset createdAt)
    {
        Id = id;
        Type = type;
        CustomerId = customerId;
        Payload = payload;
        CreatedAt = createdAt.ToUniversalTime();
    }

    public Guid Id { get; private set; }

    /// <summary>e.g. <c>customer.suspended</c>, <c>customer.warned</c>, <c>customer.reactivated</c>, <c>task.created</c>.</summary>
    public string Type { get; private set; }

    public string CustomerId { get; private set; }

    /// <summary>The <c>data</c> of the notification as a JSON object.</summary>
    public string Payload { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    public string? LastError { get; private set; }

    public void RecordAttempt(DateTimeOffset at, string? error)
    {
        Attempts++;
        LastError = error;
        if (error is null)
        {
            DeliveredAt = at.ToUniversalTime();
        }
    }
}
