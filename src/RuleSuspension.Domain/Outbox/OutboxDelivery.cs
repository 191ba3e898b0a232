namespace RuleSuspension.Domain.Outbox;

/// <summary>The ways an outbox message goes out; each has a delivery of its own, so a failure on one never resends on another.</summary>
public enum OutboxChannel
{
    Webhook,
    Email,
}

/// <summary>Where one channel's delivery of one message stands.</summary>
public enum DeliveryStatus
{
    /// <summary>Not yet sent: due now, waiting out its backoff, or claimed by a sender.</summary>
    Pending,

    Delivered,

    /// <summary>The channel had no one to send this message to (an email to a customer without account managers).</summary>
    Skipped,

    /// <summary>Given up after the channel's <c>MaxAttempts</c>: a dead letter, left alone and shown to operators.</summary>
    Failed,
}

/// <summary>
/// One channel's delivery of one outbox message: its attempts, backoff and claim. A sender takes the pending ones that
/// are due, oldest message first; when it dies mid-delivery its claim runs out and the delivery is due again.
/// </summary>
public sealed class OutboxDelivery
{
    private OutboxDelivery()
    {
    }

    internal OutboxDelivery(Guid messageId, OutboxChannel channel)
    {
        MessageId = messageId;
        Channel = channel;
    }

    public Guid MessageId { get; private set; }

    public OutboxChannel Channel { get; private set; }

    public DeliveryStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>
    /// When a sender may next try, while pending: after a failed attempt, the end of its backoff; while a sender
    /// holds the delivery, the end of its claim. Null means "as soon as possible".
    /// </summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    /// <summary>When it was sent (or skipped).</summary>
    public DateTimeOffset? DeliveredAt { get; private set; }

    public OutboxMessage Message { get; private set; } = null!;

    /// <summary>A sender takes the delivery until <paramref name="until"/>: no other sender picks it up before then.</summary>
    public void Claim(DateTimeOffset until) => NextAttemptAt = until.ToUniversalTime();

    /// <summary>The sender gives the delivery back unsent (shutting down): it is due again at once.</summary>
    public void Release() => NextAttemptAt = null;

    public void Succeeded(DateTimeOffset at)
    {
        Attempts++;
        Finish(DeliveryStatus.Delivered, at);
    }

    /// <summary>Nothing to send on this channel: done without an attempt.</summary>
    public void Skip(DateTimeOffset at) => Finish(DeliveryStatus.Skipped, at);

    /// <summary>
    /// A failed attempt: counted, explained, and tried again no earlier than <paramref name="retryAt"/>, or given up on
    /// once <paramref name="maxAttempts"/> attempts have failed.
    /// </summary>
    public void Failed(DateTimeOffset at, string error, DateTimeOffset retryAt, int maxAttempts)
    {
        Attempts++;
        LastError = error;
        if (Attempts >= maxAttempts)
        {
            Status = DeliveryStatus.Failed;
            NextAttemptAt = null;
        }
        else
        {
            NextAttemptAt = retryAt.ToUniversalTime();
        }
    }

    private void Finish(DeliveryStatus status, DateTimeOffset at)
    {
        Status = status;
        DeliveredAt = at.ToUniversalTime();
        NextAttemptAt = null;
        LastError = null;
    }
}
