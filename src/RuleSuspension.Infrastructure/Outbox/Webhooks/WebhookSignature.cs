using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RuleSuspension.Infrastructure.Outbox.Webhooks;

/// <summary>
/// The two signatures every delivery carries, made with the endpoint's key (<see cref="WebhookSecret"/>):
/// <list type="bullet">
/// <item><c>X-RuleSuspension-Signature: sha256=</c> and the lower-case hex HMAC-SHA256 of the exact body bytes (for
/// receivers written against it);</item>
/// <item>the Standard Webhooks headers: <c>webhook-id</c> (the message id, the same on every retry),
/// <c>webhook-timestamp</c> (Unix seconds of this attempt) and <c>webhook-signature: v1,</c> and the base64
/// HMAC-SHA256 of <c>id.timestamp.body</c>, which off-the-shelf libraries verify (rejecting stale timestamps).</item>
/// </list>
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-RuleSuspension-Signature";
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string StandardHeader = "webhook-signature";

    private const string Prefix = "sha256=";

    public static string Sign(ReadOnlySpan<byte> key, ReadOnlySpan<byte> body)
        => Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(key, body));

    /// <summary>The <c>webhook-signature</c> value for a message id, an attempt's Unix time and the body.</summary>
    public static string SignStandard(ReadOnlySpan<byte> key, string id, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{id}.{timestamp.ToString(CultureInfo.InvariantCulture)}.");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }
}

/// <summary>
/// An endpoint's signing key. In the Standard Webhooks form, <c>whsec_</c> and the base64 of the key bytes; any
/// other secret is a plain one whose UTF-8 bytes are the key, exactly as before, so it is the same key as
/// <c>whsec_</c> + base64(UTF-8 of the plain secret), the form a Standard Webhooks library is given.
/// </summary>
public static class WebhookSecret
{
    public const string StandardPrefix = "whsec_";

    /// <summary>The key bytes; null when a <c>whsec_</c> secret is not valid base64 or is empty.</summary>
    public static byte[]? KeyOf(string secret)
    {
        if (!secret.StartsWith(StandardPrefix, StringComparison.Ordinal))
        {
            return Encoding.UTF8.GetBytes(secret);
        }

        var encoded = secret[StandardPrefix.Length..];
        var buffer = new byte[encoded.Length];
        return Convert.TryFromBase64String(encoded, buffer, out var written) && written > 0 ? buffer[..written] : null;
    }

    /// <summary>The <c>whsec_</c> form of any secret: what a receiver using a Standard Webhooks library is given.</summary>
    public static string StandardFormOf(string secret) => StandardPrefix + Convert.ToBase64String(KeyOf(secret) ?? []);
}
