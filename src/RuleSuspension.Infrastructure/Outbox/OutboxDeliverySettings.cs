namespace RuleSuspension.Infrastructure.Outbox;

/// <summary>How often a channel (webhooks, email) polls the outbox, and how it retries.</summary>
public abstract class OutboxDeliverySettings
{
    /// <summary>Backoff never waits longer than this between attempts.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(1);

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    public int BatchSize { get; set; } = 50;

    /// <summary>After this many failed attempts a message is left alone on this channel.</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>How long one send may take: one POST to one endpoint, or one step of the SMTP conversation (connect, a command).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait after the first failed attempt; it doubles with each further one, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBase { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The wait before the next try, after <paramref name="attempts"/> failed attempts: base × 2^(attempts-1), capped.</summary>
    public TimeSpan Backoff(int attempts)
    {
        // The exponent is clamped so that a large attempt count cannot overflow before the cap applies.
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var ticks = Math.Min(RetryBase.Ticks * factor, MaxRetryDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
