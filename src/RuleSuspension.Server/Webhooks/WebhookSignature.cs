using System.Security.Cryptography;
using System.Text;

namespace RuleSuspension.Server.Webhooks;

/// <summary>
/// The <c>X-RuleSuspension-Signature</c> header: <c>sha256=</c> and the lower-case hex HMAC-SHA256 of the exact body
/// bytes, keyed with the endpoint's secret. A receiver recomputes it over the raw body it read to trust the sender.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-RuleSuspension-Signature";

    private const string Prefix = "sha256=";

    public static string Sign(string secret, ReadOnlySpan<byte> body)
        => Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
