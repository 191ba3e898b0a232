namespace RuleSuspension.Server.Webhooks;

/// <summary>The <c>Webhooks</c> configuration section: where the outbox is delivered, and how often it is tried.</summary>
public sealed class WebhookSettings
{
    public const string Section = "Webhooks";

    /// <summary>Backoff never waits longer than this between attempts.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(1);

    /// <summary>Every message goes to every endpoint; none configured means nothing is sent (the outbox keeps them).</summary>
    public List<WebhookEndpoint> Endpoints { get; set; } = [];

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    public int BatchSize { get; set; } = 50;

    /// <summary>After this many failed attempts a message is left alone ("failed" in <c>GET /api/outbox</c>).</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>How long one POST to one endpoint may take.</summary>
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

    /// <summary>Refuses settings that could never deliver, at start rather than on the first message.</summary>
    public void Validate()
    {
        foreach (var (endpoint, index) in Endpoints.Select((e, i) => (e, i)))
        {
            if (!Uri.TryCreate(endpoint.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                throw new InvalidOperationException($"Webhooks:Endpoints:{index}:Url must be an absolute http(s) URL.");
            }

            if (string.IsNullOrEmpty(endpoint.Secret))
            {
                throw new InvalidOperationException($"Webhooks:Endpoints:{index}:Secret is required: receivers verify the signature with it.");
            }
        }

        if (PollInterval <= TimeSpan.Zero || Timeout <= TimeSpan.Zero || RetryBase <= TimeSpan.Zero || BatchSize < 1 || MaxAttempts < 1)
        {
            throw new InvalidOperationException("Webhooks: PollInterval, Timeout and RetryBase must be positive, BatchSize and MaxAttempts at least 1.");
        }
    }
}

/// <summary>One receiver of the webhooks and the secret its signatures are made with.</summary>
public sealed class WebhookEndpoint
{
    public string Url { get; set; } = string.Empty;

    public string Secret { get; set; } = string.Empty;
}
