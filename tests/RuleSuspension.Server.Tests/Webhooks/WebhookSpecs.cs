using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Outbox;
using RuleSuspension.Server.Tests.Infrastructure;
using static RuleSuspension.Server.Tests.Infrastructure.Api;
using static RuleSuspension.Server.Tests.Workflows.WorkflowSteps;

namespace RuleSuspension.Server.Tests.Webhooks;

/// <summary>DESIGN §8b: the outbox goes out as signed webhooks, retried with backoff, at least once.</summary>
public sealed class WebhookSpecs : IAsyncLifetime
{
    private const string Secret = "whsec-test-0123456789";

    private WebhookReceiver _receiver = null!;
    private TestServer _server = null!;

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _server = new TestServer(new Dictionary<string, string?>
        {
            ["Webhooks:Endpoints:0:Url"] = _receiver.Url,
            ["Webhooks:Endpoints:0:Secret"] = Secret,
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
    public async Task Suspension_is_posted_to_the_endpoint_with_id_type_occurredAt_customerId_and_data()
    {
        // Arrange / act: the shipped signup workflow suspends an unverified customer and writes the outbox.
        var customerId = NewCustomerId();
        await Accept(_server.Client(), SignUp(customerId, identityVerified: false));

        // Assert
        var webhook = await FirstWebhook(customerId, "customer.suspended");
        var json = webhook.Json;
        var message = await OutboxRow(customerId, "customer.suspended");
        Assert.Equal(message.MessageId, json.GetProperty("id").GetGuid());
        Assert.Equal(message.Message.CreatedAt, json.GetProperty("occurredAt").GetDateTimeOffset());
        Assert.Equal(customerId, json.GetProperty("customerId").GetString());
        Assert.Equal(JsonValueKind.Object, json.GetProperty("data").ValueKind);
        Assert.Equal("application/json", webhook.ContentType);
    }

    [Fact]
    public async Task Webhook_is_signed_with_the_endpoint_secret()
    {
        // Arrange / act
        var customerId = NewCustomerId();
        await Accept(_server.Client(), SignUp(customerId, identityVerified: false));

        // Assert: the receiver recomputes the HMAC over the exact bytes it got.
        var webhook = await FirstWebhook(customerId, "customer.suspended");
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), webhook.Body));
        Assert.Equal(expected, webhook.Signature);
    }

    [Fact]
    public async Task Failed_delivery_is_recorded_and_retried_until_the_host_answers()
    {
        // Arrange: the host is down (answers 500).
        _receiver.Answer = HttpStatusCode.InternalServerError;
        var customerId = NewCustomerId();

        // Act
        await Accept(_server.Client(), SignUp(customerId, identityVerified: false));

        // Assert: the failures are counted and explained, and the message comes again after its backoff.
        await Eventually(async () => (await OutboxRow(customerId, "customer.suspended")).Attempts >= 2);
        var failing = await OutboxRow(customerId, "customer.suspended");
        Assert.Null(failing.DeliveredAt);
        Assert.Contains("HTTP 500", failing.LastError);
        Assert.NotNull(failing.NextAttemptAt);

        // Act: the host recovers.
        _receiver.Answer = HttpStatusCode.OK;

        // Assert: delivered on a later attempt; every attempt reached the host with the same id.
        await Eventually(async () => (await OutboxRow(customerId, "customer.suspended")).DeliveredAt is not null);
        var delivered = await OutboxRow(customerId, "customer.suspended");
        var posts = _receiver.Of(customerId, "customer.suspended");
        Assert.True(posts.Count >= 3, $"Expected at least 3 posts, got {posts.Count}.");
        Assert.All(posts, p => Assert.Equal(delivered.MessageId, p.Json.GetProperty("id").GetGuid()));
        Assert.Equal(posts.Count, delivered.Attempts);
        Assert.Equal(HttpStatusCode.OK, posts[^1].Answered);
    }

    [Fact]
    public async Task Outbox_lists_delivered_messages_for_administrators()
    {
        // Arrange
        var customerId = NewCustomerId();
        await Accept(_server.Client(), SignUp(customerId, identityVerified: false));
        await Eventually(async () => (await OutboxRow(customerId, "customer.suspended")).DeliveredAt is not null);

        // Act
        var delivered = await Get(_server.Client(Role.Admin), "/api/outbox?status=delivered&limit=500");

        // Assert
        var listed = Assert.Single(delivered.EnumerateArray(), m => m.GetProperty("customerId").GetString() == customerId && m.GetProperty("type").GetString() == "customer.suspended");
        Assert.Equal("delivered", listed.GetProperty("status").GetString());
        Assert.Equal(1, listed.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task Outbox_lists_every_channels_delivery_of_a_message()
    {
        // Arrange: a suspension goes out as a webhook and as an email (not configured here, so that one waits).
        var customerId = NewCustomerId();
        await Accept(_server.Client(), SignUp(customerId, identityVerified: false));
        await Eventually(async () => (await OutboxRow(customerId, "customer.suspended")).DeliveredAt is not null);

        // Act
        var listed = await Get(_server.Client(Role.Admin), "/api/outbox?status=pending&channel=email&limit=500");

        // Assert
        var message = Assert.Single(listed.EnumerateArray(), m => m.GetProperty("customerId").GetString() == customerId && m.GetProperty("type").GetString() == "customer.suspended");
        var deliveries = message.GetProperty("deliveries").EnumerateArray().ToDictionary(d => d.GetProperty("channel").GetString()!, d => d.GetProperty("status").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["email"] = "pending", ["webhook"] = "delivered" }, deliveries);
    }

    private async Task<ReceivedWebhook> FirstWebhook(string customerId, string type)
    {
        await Eventually(() => Task.FromResult(_receiver.Of(customerId, type).Count > 0));
        return _receiver.Of(customerId, type)[0];
    }

    private Task<OutboxDelivery> OutboxRow(string customerId, string type)
        => _server.InScopeAsync(db => db.OutboxDeliveries.AsNoTracking().Include(d => d.Message)
            .SingleAsync(d => d.Message.CustomerId == customerId && d.Message.Type == type && d.Channel == OutboxChannel.Webhook));
}
