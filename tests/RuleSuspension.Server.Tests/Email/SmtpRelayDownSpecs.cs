using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Outbox;
using RuleSuspension.Server.Tests.Infrastructure;
using static RuleSuspension.Server.Tests.Infrastructure.Api;
using static RuleSuspension.Server.Tests.Workflows.WorkflowSteps;

namespace RuleSuspension.Server.Tests.Email;

/// <summary>A relay nobody answers on: the email delivery records its failures; the webhook delivery is its own.</summary>
public sealed class SmtpRelayDownSpecs : IAsyncLifetime
{
    private readonly int _port = SmtpSink.FreePort();
    private TestServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = new TestServer(new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = _port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:From"] = "suspensions@rulesuspension.test",
            ["Smtp:PollInterval"] = "00:00:00.100",
            ["Smtp:RetryBase"] = "00:00:00.050",
        });
        await _server.InitializeAsync();
    }

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task An_unreachable_relay_fails_the_email_delivery_and_leaves_the_webhook_delivery_alone()
    {
        // Arrange / act
        var customerId = NewCustomerId();
        await Accept(_server.Client(), SignUp(customerId, identityVerified: false));

        // Assert
        await Eventually(async () => (await Delivery(customerId, OutboxChannel.Email)).Attempts >= 1);
        var email = await Delivery(customerId, OutboxChannel.Email);
        var webhook = await Delivery(customerId, OutboxChannel.Webhook);
        Assert.Equal(DeliveryStatus.Pending, email.Status);
        Assert.Contains($"127.0.0.1:{_port}", email.LastError);
        Assert.NotNull(email.NextAttemptAt);
        Assert.Equal((DeliveryStatus.Pending, 0), (webhook.Status, webhook.Attempts));
    }

    private Task<OutboxDelivery> Delivery(string customerId, OutboxChannel channel)
        => _server.InScopeAsync(db => db.OutboxDeliveries.AsNoTracking()
            .SingleAsync(d => d.Message.CustomerId == customerId && d.Message.Type == "customer.suspended" && d.Channel == channel));
}
