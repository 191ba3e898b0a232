using System.Net.Http.Headers;
using RuleSuspension.Domain.Outbox;
using RuleSuspension.Persistence;
using RuleSuspension.Server.Outbox;

namespace RuleSuspension.Server.Webhooks;

/// <summary>
/// One round of delivery: claims the due messages and POSTs each to every endpoint. A message is delivered when every
/// endpoint answered 2xx; otherwise the attempt is recorded and the message waits out its backoff. Delivery is at least
/// once (a retry goes to every endpoint again, and a crash after a send repeats it); receivers drop repeats by id.
/// </summary>
internal sealed class WebhookDelivery(RuleSuspensionDb db, IHttpClientFactory httpClients, WebhookSettings settings, TimeProvider clock, ILogger<WebhookDelivery> log)
    : OutboxDelivery(db, clock, log)
{
    public const string HttpClientName = "webhooks";

    protected override OutboxChannel Channel => OutboxChannel.Webhook;

    protected override OutboxDeliverySettings Settings => settings;

    protected override TimeSpan LongestSend => settings.Timeout * Math.Max(1, settings.Endpoints.Count);

    protected override async Task<SendOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var body = WebhookBody.Of(message);
        var id = message.Id.ToString();
        var client = httpClients.CreateClient(HttpClientName);
        var failures = new List<string>();
        foreach (var endpoint in settings.Endpoints)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(endpoint.Key, body));

            // Signed at each attempt: a receiver refuses a stale timestamp, and the id stays the message's for dropping repeats.
            var timestamp = Clock.GetUtcNow().ToUnixTimeSeconds();
            request.Headers.Add(WebhookSignature.IdHeader, id);
            request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add(WebhookSignature.StandardHeader, WebhookSignature.SignStandard(endpoint.Key, id, timestamp, body));
            try
            {
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    failures.Add($"{endpoint.Url}: HTTP {(int)response.StatusCode}");
                }
            }
            catch (HttpRequestException e)
            {
                failures.Add($"{endpoint.Url}: {e.Message}");
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failures.Add($"{endpoint.Url}: no answer within {settings.Timeout.TotalSeconds:0.###} s");
            }
        }

        return failures.Count == 0 ? SendOutcome.Sent : SendOutcome.Failed(string.Join("; ", failures));
    }
}
