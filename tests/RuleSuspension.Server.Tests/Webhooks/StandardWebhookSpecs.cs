using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;
using RuleSuspension.Server.Tests.Infrastructure;
using RuleSuspension.Infrastructure.Outbox.Webhooks;
using static RuleSuspension.Server.Tests.Workflows.WorkflowSteps;

namespace RuleSuspension.Server.Tests.Webhooks;

/// <summary>
/// DESIGN §8b: deliveries are signed per the Standard Webhooks specification too. The receiver on loopback verifies
/// each POST with the specification's own .NET library (NuGet StandardWebhooks), as a host would, and answers 400 when
/// it refuses one.
/// </summary>
public abstract class StandardWebhookSpecs(string secret) : IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;
    private TestServer _server = null!;

    /// <summary>What the host configures its library with: the whsec_ form of the endpoint's secret.</summary>
    private string ReceiverSecret => WebhookSecret.StandardFormOf(secret);

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync(Verifies);
        _server = new TestServer(new Dictionary<string, string?>
        {
            ["Webhooks:Endpoints:0:Url"] = _receiver.Url,
            ["Webhooks:Endpoints:0:Secret"] = secret,
            ["Webhooks:PollInterval"] = "00:00:00.100",
            ["Webhooks:RetryBase"] = "00:00:00.050",
        });
        await _server.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task The_library_accepts_every_delivery()
    {
        var customerId = NewCustomerId();

        await Accept(_server.Client(), SignUp(customerId, identityVerified: false));

        await Eventually(() => Task.FromResult(_receiver.Of(customerId, "customer.suspended").Count > 0 && _receiver.Of(customerId, "task.created").Count > 0));
        var deliveries = _receiver.Received.Where(r => r.Json.GetProperty("customerId").GetString() == customerId).ToList();
        Assert.All(deliveries, d => Assert.Equal(HttpStatusCode.OK, d.Answered));
    }

    [Fact]
    public async Task The_webhook_id_is_the_message_id_for_dropping_repeats()
    {
        var customerId = NewCustomerId();

        await Accept(_server.Client(), SignUp(customerId, identityVerified: false));

        await Eventually(() => Task.FromResult(_receiver.Of(customerId, "customer.suspended").Count > 0));
        var delivery = _receiver.Of(customerId, "customer.suspended")[0];
        Assert.Equal(delivery.Json.GetProperty("id").GetString(), delivery.Headers["webhook-id"]);
    }

    [Fact]
    public async Task The_library_refuses_a_delivery_whose_body_was_altered()
    {
        var delivery = await OneDelivery();
        var altered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(delivery.Body).Replace("customer.suspended", "customer.reactivated"));

        var answer = await Replay(altered, delivery.Headers);

        Assert.Equal(HttpStatusCode.BadRequest, answer);
    }

    [Fact]
    public async Task The_library_refuses_a_delivery_whose_timestamp_was_altered()
    {
        var delivery = await OneDelivery();
        var headers = new Dictionary<string, string>(delivery.Headers, StringComparer.OrdinalIgnoreCase)
        {
            ["webhook-timestamp"] = (long.Parse(delivery.Headers["webhook-timestamp"]) - 60).ToString(),
        };

        var answer = await Replay(delivery.Body, headers);

        Assert.Equal(HttpStatusCode.BadRequest, answer);
    }

    [Fact]
    public async Task The_unaltered_delivery_sent_again_is_accepted()
    {
        var delivery = await OneDelivery();

        var answer = await Replay(delivery.Body, delivery.Headers);

        Assert.Equal(HttpStatusCode.OK, answer);
    }

    [Fact]
    public async Task The_original_signature_header_is_kept_keyed_with_the_same_key()
    {
        var delivery = await OneDelivery();

        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(WebhookSecret.KeyOf(secret)!, delivery.Body));
        Assert.Equal(expected, delivery.Signature);
    }

    private bool Verifies(byte[] body, IHeaderDictionary headers)
    {
        try
        {
            new StandardWebhook(ReceiverSecret).Verify(Encoding.UTF8.GetString(body), headers);
            return true;
        }
        catch (WebhookVerificationException)
        {
            return false;
        }
    }

    private async Task<ReceivedWebhook> OneDelivery()
    {
        var customerId = NewCustomerId();
        await Accept(_server.Client(), SignUp(customerId, identityVerified: false));
        await Eventually(() => Task.FromResult(_receiver.Of(customerId, "customer.suspended").Count > 0));
        return _receiver.Of(customerId, "customer.suspended")[0];
    }

    /// <summary>POSTs a delivery to the receiver again, as an attacker replaying or altering it would.</summary>
    private async Task<HttpStatusCode> Replay(byte[] body, IReadOnlyDictionary<string, string> headers)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, _receiver.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        foreach (var name in new[] { "webhook-id", "webhook-timestamp", "webhook-signature" })
        {
            request.Headers.Add(name, headers[name]);
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}

/// <summary>An endpoint configured with a plain secret, as before the Standard Webhooks form: the host's library gets its whsec_ form.</summary>
public sealed class StandardWebhookWithPlainSecretSpecs() : StandardWebhookSpecs("a plain secret, 0123456789");

/// <summary>An endpoint configured with a whsec_ secret, as a Standard Webhooks host hands it out.</summary>
public sealed class StandardWebhookWithStandardSecretSpecs() : StandardWebhookSpecs("whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("32 bytes of key material, random")));
