using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Outbox;
using RuleSuspension.Infrastructure.Outbox;
using RuleSuspension.Server.Tests.Email;
using RuleSuspension.Server.Tests.Infrastructure;
using static RuleSuspension.Server.Tests.Infrastructure.Api;
using static RuleSuspension.Server.Tests.Workflows.WorkflowSteps;

namespace RuleSuspension.Server.Tests.Webhooks;

/// <summary>
/// The one sender loop on the server's clock: a <see cref="FakeTimeProvider"/> that each spec advances, so a poll, a
/// backoff and giving up happen when the spec says, never after a sleep.
/// </summary>
public sealed class OutboxSenderSpecs : IAsyncLifetime
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RetryBase = TimeSpan.FromMinutes(1);

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private WebhookReceiver _receiver = null!;
    private SmtpSink _sink = null!;
    private TestServer _server = null!;

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _sink = await SmtpSink.StartAsync();
        _server = new TestServer(
            new Dictionary<string, string?>
            {
                ["Webhooks:Endpoints:0:Url"] = _receiver.Url,
                ["Webhooks:Endpoints:0:Secret"] = "whsec-test-0123456789",
                ["Webhooks:PollInterval"] = PollInterval.ToString(),
                ["Webhooks:RetryBase"] = RetryBase.ToString(),
                ["Webhooks:MaxAttempts"] = "2",
                ["Smtp:Host"] = "127.0.0.1",
                ["Smtp:Port"] = _sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Smtp:From"] = "suspensions@rulesuspension.test",
                ["Smtp:PollInterval"] = PollInterval.ToString(),
            },
            _clock);
        await _server.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _sink.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task Delivered_message_is_not_sent_again()
    {
        // Arrange
        var customerId = NewCustomerId();
        await Accept(_server.Client(), SignUp(customerId, identityVerified: false));
        await NextPollDelivers(customerId);

        // Act: three more polls, each with other work that shows it ran.
        for (var poll = 0; poll < 3; poll++)
        {
            var other = NewCustomerId();
            await Accept(_server.Client(), SignUp(other, identityVerified: false));
            await NextPollDelivers(other);
        }

        // Assert
        Assert.Single(_receiver.Of(customerId, "customer.suspended"));
        Assert.Equal(1, (await Webhook(customerId)).Attempts);
    }

    [Fact]
    public async Task Failed_delivery_is_tried_again_only_after_its_backoff()
    {
        // Arrange: the host is down; the first attempt fails.
        _receiver.Answer = HttpStatusCode.InternalServerError;
        var customerId = NewCustomerId();
        await Accept(_server.Client(), SignUp(customerId, identityVerified: false));
        _clock.Advance(PollInterval);
        await Eventually(async () => (await Webhook(customerId)).Attempts == 1);

        // Act: a poll within the backoff (it does run: it tries another customer's message).
        var other = NewCustomerId();
        await Accept(_server.Client(), SignUp(other, identityVerified: false));
        _clock.Advance(PollInterval);
        await Eventually(async () => (await Webhook(other)).Attempts == 1);

        // Assert: not tried again before the backoff ran out, tried at the first poll after it.
        Assert.Equal(1, (await Webhook(customerId)).Attempts);
        _clock.Advance(RetryBase);
        await Eventually(async () => (await Webhook(customerId)).Attempts == 2);
        Assert.Equal(2, _receiver.Of(customerId, "customer.suspended").Count);
    }

    [Fact]
    public async Task Delivery_given_up_after_MaxAttempts_is_listed_as_failed_on_its_channel()
    {
        // Arrange: the host stays down for both attempts (Webhooks:MaxAttempts is 2).
        _receiver.Answer = HttpStatusCode.InternalServerError;
        var customerId = NewCustomerId();
        await Accept(_server.Client(), SignUp(customerId, identityVerified: false));
        _clock.Advance(PollInterval);
        await Eventually(async () => (await Webhook(customerId)).Attempts == 1);

        // Act
        _clock.Advance(RetryBase);
        await Eventually(async () => (await Webhook(customerId)).Status == DeliveryStatus.Failed);

        // Assert: a dead letter on the webhook channel, while its email went out.
        var failed = await Get(_server.Client(Role.Admin), "/api/outbox?status=failed&channel=webhook&limit=500");
        var message = Assert.Single(failed.EnumerateArray(), m => m.GetProperty("customerId").GetString() == customerId && m.GetProperty("type").GetString() == "customer.suspended");
        Assert.Equal("failed", message.GetProperty("status").GetString());
        Assert.Equal(2, message.GetProperty("attempts").GetInt32());
        Assert.Contains("HTTP 500", message.GetProperty("lastError").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, message.GetProperty("nextAttemptAt").ValueKind);
        var email = Assert.Single(message.GetProperty("deliveries").EnumerateArray(), d => d.GetProperty("channel").GetString() == "email");
        Assert.Equal("delivered", email.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_batch_of_emails_goes_over_one_SMTP_connection()
    {
        // Arrange: the rounds at start and of one tick are both behind us (each channel's), so no tick is pending
        // and the next poll is the one the two suspensions below wait for.
        var earlier = NewCustomerId();
        await Accept(_server.Client(), SignUp(earlier, identityVerified: false));
        _clock.Advance(PollInterval);
        await Eventually(() => Task.FromResult(_sink.Mentioning(earlier).Count == 1 && Sender.RoundsDone == 2 * Channels));
        var first = NewCustomerId();
        var second = NewCustomerId();
        await Accept(_server.Client(), SignUp(first, identityVerified: false));
        await Accept(_server.Client(), SignUp(second, identityVerified: false));

        // Act
        _clock.Advance(PollInterval);

        // Assert: each arrived once, and both over the one connection of that poll.
        await Eventually(() => Task.FromResult(_sink.Mentioning(first).Count == 1 && _sink.Mentioning(second).Count == 1));
        Assert.Equal(_sink.Mentioning(first)[0].Connection, _sink.Mentioning(second)[0].Connection);
    }

    /// <summary>The channels this server polls: webhooks and email.</summary>
    private const int Channels = 2;

    private OutboxSender Sender => _server.Services.GetServices<IHostedService>().OfType<OutboxSender>().Single();

    /// <summary>Advances one poll and waits until it has delivered the customer's suspension webhook.</summary>
    private async Task NextPollDelivers(string customerId)
    {
        _clock.Advance(PollInterval);
        await Eventually(async () => (await Webhook(customerId)).Status == DeliveryStatus.Delivered);
    }

    private Task<OutboxDelivery> Webhook(string customerId)
        => _server.InScopeAsync(db => db.OutboxDeliveries.AsNoTracking()
            .SingleAsync(d => d.Message.CustomerId == customerId && d.Message.Type == "customer.suspended" && d.Channel == OutboxChannel.Webhook));
}
