using System.Net.Http.Headers;
using RuleSuspension.Domain.Outbox;
using RuleSuspension.Persistence;

namespace RuleSuspension.Infrastructure.Outbox.Webhooks;

/// <summary>
/// The webhook channel: POSTs each message to every endpoint. A message is delivered when every endpoint answered 2xx;
/// a retry goes to every endpoint again (receivers drop repeats by id).
/// </summary>
internal sealed class WebhookDelivery(IHttpClientFactory httpClients, WebhookSettings settings, TimeProvider clock, ILogger<WebhookDelivery> log)
    : IOutboxChannel, IOutboxBatch
{
    public const string HttpClientName = "webhooks";

    public OutboxChannel Channel => OutboxChannel.Webhook;

    public OutboxDeliverySettings Settings => settings;

    public TimeSpan LongestSend => settings.Timeout * Math.Max(1, settings.Endpoints.Count);

    public bool Announce()
    {
        if (settings.Endpoints.Count == 0)
        {
            log.LogInformation("Webhooks: no endpoints configured; outbox messages are kept undelivered.");
            return false;
        }

        log.LogInformation("Webhooks: {Count} endpoint(s) configured, polling every {PollInterval}.", settings.Endpoints.Count, settings.PollInterval);
        return true;
    }

    /// <summary>Each POST stands alone (the HTTP client pools its connections): the batch is the channel itself.</summary>
    public Task<IOutboxBatch> StartBatchAsync(RuleSuspensionDb db, CancellationToken cancellationToken) => Task.FromResult<IOutboxBatch>(this);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public async Task<SendOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
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
            var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
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
