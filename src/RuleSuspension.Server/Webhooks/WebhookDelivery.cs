using System.Net.Http.Headers;
using RuleSuspension.Domain.Outbox;
using RuleSuspension.Persistence;

namespace RuleSuspension.Server.Webhooks;

/// <summary>
/// One round of delivery: claims the due messages and POSTs each to every endpoint. A message is delivered when every
/// endpoint answered 2xx; otherwise the attempt is recorded and the message waits out its backoff. Delivery is at least
/// once (a retry goes to every endpoint again, and a crash after a send repeats it); receivers drop repeats by id.
/// </summary>
internal sealed class WebhookDelivery(RuleSuspensionDb db, IHttpClientFactory httpClients, WebhookSettings settings, TimeProvider clock, ILogger<WebhookDelivery> log)
{
    public const string HttpClientName = "webhooks";

    /// <summary>Delivers one batch; answers how many messages it took (a full batch means more may be waiting).</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();

        // Messages are sent one after another, so the claim must outlast the slowest possible batch; a node that dies
        // mid-batch leaves its claims to run out, and the messages become due again.
        var claimFor = settings.Timeout * settings.Endpoints.Count * settings.BatchSize + settings.PollInterval;
        var messages = await OutboxClaim.TakeAsync(db, now, now + claimFor, settings.BatchSize, settings.MaxAttempts, cancellationToken);
        var remaining = new Queue<OutboxMessage>(messages);
        try
        {
            while (remaining.TryPeek(out var message))
            {
                var error = await SendAsync(message, cancellationToken);
                var at = clock.GetUtcNow();
                if (error is null)
                {
                    message.RecordAttempt(at, null);
                }
                else
                {
                    message.RecordFailedAttempt(at, Truncate(error), at + settings.Backoff(message.Attempts + 1));
                    log.LogWarning("Webhook {MessageId} ({Type}) not delivered, attempt {Attempt}: {Error}", message.Id, message.Type, message.Attempts, error);
                }

                await db.SaveChangesAsync(cancellationToken);
                remaining.Dequeue();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: what was not sent is given back at once rather than left claimed until the claim runs out.
            await ReleaseAsync(remaining);
            throw;
        }

        return messages.Count;
    }

    private async Task<string?> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var body = WebhookBody.Of(message);
        var client = httpClients.CreateClient(HttpClientName);
        var failures = new List<string>();
        foreach (var endpoint in settings.Endpoints)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(endpoint.Secret, body));
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

        return failures.Count == 0 ? null : string.Join("; ", failures);
    }

    private async Task ReleaseAsync(IEnumerable<OutboxMessage> unsent)
    {
        try
        {
            foreach (var message in unsent)
            {
                message.ReleaseClaim();
            }

            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            // Not fatal: the claims run out by themselves.
            log.LogDebug(e, "Could not give back claimed webhooks at shutdown.");
        }
    }

    private static string Truncate(string error) => error.Length <= 2000 ? error : error[..2000];
}
