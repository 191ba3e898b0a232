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

    /// <summary>
    /// When the sender may next try, if undelivered: after a failed attempt, the end of its backoff; while a sender
    /// holds the message, the end of its claim. Null means "as soon as possible".
    /// </summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    /// <summary>
    /// Email is tracked apart from the webhooks (DESIGN §8b), so that a failure on one channel never resends on the
    /// other: when the account managers were mailed (or there was no one to mail), and the email attempts so far.
    /// </summary>
    public DateTimeOffset? EmailedAt { get; private set; }

    public int EmailAttempts { get; private set; }

    public string? EmailLastError { get; private set; }

    /// <summary>As <see cref="NextAttemptAt"/>, for the email sender.</summary>
    public DateTimeOffset? EmailNextAttemptAt { get; private set; }

    public void RecordAttempt(DateTimeOffset at, string? error)
    {
        Attempts++;
        LastError = error;
        if (error is null)
        {
            DeliveredAt = at.ToUniversalTime();
            NextAttemptAt = null;
        }
    }

    /// <summary>
    /// A sender takes the message until <paramref name="until"/>: no other sender picks it up before then, and if this
    /// one dies mid-delivery the message is due again when the claim runs out (so nothing is lost).
    /// </summary>
    public void Claim(DateTimeOffset until) => NextAttemptAt = until.ToUniversalTime();

    /// <summary>The sender gives the message back unsent (shutting down): it is due again at once.</summary>
    public void ReleaseClaim() => NextAttemptAt = null;

    /// <summary>A failed delivery: counted, explained, and tried again no earlier than <paramref name="retryAt"/>.</summary>
    public void RecordFailedAttempt(DateTimeOffset at, string error, DateTimeOffset retryAt)
    {
        RecordAttempt(at, error);
        NextAttemptAt = retryAt.ToUniversalTime();
    }

    /// <summary>The email attempts of the message: the same claim, attempt and backoff steps as the webhook ones.</summary>
    public void ClaimEmail(DateTimeOffset until) => EmailNextAttemptAt = until.ToUniversalTime();

    public void ReleaseEmailClaim() => EmailNextAttemptAt = null;

    public void RecordEmailAttempt(DateTimeOffset at, string? error)
    {
        EmailAttempts++;
        EmailLastError = error;
        if (error is null)
        {
            EmailedAt = at.ToUniversalTime();
            EmailNextAttemptAt = null;
        }
    }

    public void RecordFailedEmailAttempt(DateTimeOffset at, string error, DateTimeOffset retryAt)
    {
        RecordEmailAttempt(at, error);
        EmailNextAttemptAt = retryAt.ToUniversalTime();
    }

    /// <summary>Nothing to send on this channel (no account managers): done without an attempt.</summary>
    public void SkipEmail(DateTimeOffset at)
    {
        EmailedAt = at.ToUniversalTime();
        EmailNextAttemptAt = null;
        EmailLastError = null;
    }
}
