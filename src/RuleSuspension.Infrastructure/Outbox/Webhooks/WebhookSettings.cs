
namespace RuleSuspension.Infrastructure.Outbox.Webhooks;

/// <summary>The <c>Webhooks</c> configuration section: where the outbox is delivered, and how often it is tried.</summary>
public sealed class WebhookSettings : OutboxDeliverySettings
{
    public const string Section = "Webhooks";

    /// <summary>Every message goes to every endpoint; none configured means nothing is sent (the outbox keeps them).</summary>
    public List<WebhookEndpoint> Endpoints { get; set; } = [];
}

/// <summary>One receiver of the webhooks and the secret its signatures are made with.</summary>
public sealed class WebhookEndpoint
{
    public string Url { get; set; } = string.Empty;

    /// <summary>A plain secret, or the Standard Webhooks form <c>whsec_&lt;base64 key&gt;</c> (see <see cref="WebhookSecret"/>).</summary>
    public string Secret { get; set; } = string.Empty;

    /// <summary>The key both signatures are made with (the settings are validated at start).</summary>
    public byte[] Key => _key ??= WebhookSecret.KeyOf(Secret) ?? throw new InvalidOperationException("The webhook secret is not valid.");

    private byte[]? _key;
}
