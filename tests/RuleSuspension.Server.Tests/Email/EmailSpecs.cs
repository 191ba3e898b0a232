using System.Net;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Outbox;
using RuleSuspension.Persistence;
using RuleSuspension.Server.Tests.Infrastructure;
using static RuleSuspension.Server.Tests.Infrastructure.Api;
using static RuleSuspension.Server.Tests.Workflows.WorkflowSteps;

namespace RuleSuspension.Server.Tests.Email;

/// <summary>DESIGN §8b: the account managers of a customer are emailed of a suspension, a warning and a lift, with the reason.</summary>
public sealed class EmailSpecs : IAsyncLifetime
{
    private SmtpSink _sink = null!;
    private TestServer _server = null!;

    public async Task InitializeAsync()
    {
        _sink = await SmtpSink.StartAsync();
        _server = new TestServer(new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = _sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:From"] = "suspensions@rulesuspension.test",
            ["Smtp:PollInterval"] = "00:00:00.100",
            ["Smtp:RetryBase"] = "00:00:00.050",
        });
        await _server.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _sink.DisposeAsync();
    }

    [Fact]
    public async Task Suspension_is_emailed_once_to_the_account_manager_with_the_customer_and_the_reason()
    {
        // Arrange / act: the shipped signup workflow suspends an unverified customer (reason identity-check).
        var customerId = NewCustomerId();
        await Accept(_server.Client(), SignUp(customerId, identityVerified: false));

        // Assert: emailed, and still once after later rounds have mailed another customer.
        await Eventually(async () => (await EmailedAt(customerId, "customer.suspended")) is not null);
        var other = NewCustomerId();
        await Accept(_server.Client(), SignUp(other, identityVerified: false));
        await Eventually(async () => (await EmailedAt(other, "customer.suspended")) is not null);
        var mail = Assert.Single(_sink.Mentioning(customerId));
        Assert.Equal(["am@host.test"], mail.Recipients);
        Assert.Contains("New Co " + customerId, mail.Text, StringComparison.Ordinal);
        Assert.Contains("is suspended", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Reason: identity-check", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Decided by: workflow:signup-identity-check@", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Customer_without_account_managers_gets_no_email()
    {
        // Arrange / act
        var customerId = NewCustomerId();
        await Accept(_server.Client(), Event("customer.signed-up", customerId, new
        {
            customer = new { name = "Lonely Co " + customerId, email = $"owner@{customerId}.test", tenantId = "t-1", planId = "starter", identityVerified = false, tags = new[] { "trial" }, accountManagers = Array.Empty<string>() },
        }));

        // Assert: the message is done on the email channel without a send (and never goes to the customer's own address).
        await Eventually(async () => (await EmailedAt(customerId, "customer.suspended")) is not null);
        Assert.Equal(DeliveryStatus.Skipped, await EmailStatus(customerId, "customer.suspended"));
        Assert.Empty(_sink.Mentioning(customerId));
        Assert.DoesNotContain(_sink.Received, m => m.Recipients.Contains($"owner@{customerId}.test"));
    }

    [Fact]
    public async Task Lift_is_emailed_as_the_customer_being_active_again()
    {
        // Arrange
        var customerId = NewCustomerId();
        await Accept(_server.Client(), SignUp(customerId, identityVerified: false));
        await Eventually(() => Task.FromResult(_sink.Mentioning(customerId).Count == 1));

        // Act: a SuperAdmin lifts through the review task.
        var task = await OpenLiftTask(_server.Client(), customerId);
        await Expect(await CompleteTask(_server.Client(), task, "Lift", "Checked the passport in person."), HttpStatusCode.OK);

        // Assert
        await Eventually(() => Task.FromResult(_sink.Mentioning(customerId).Count == 2));
        var lifted = _sink.Mentioning(customerId).Single(m => m.Text.Contains("is active again", StringComparison.Ordinal));
        Assert.Equal(["am@host.test"], lifted.Recipients);
        Assert.Contains("Lifted by:", lifted.Text, StringComparison.Ordinal);
        Assert.Contains("Checked the passport in person.", lifted.Text, StringComparison.Ordinal);
    }

    private Task<DateTimeOffset?> EmailedAt(string customerId, string type)
        => _server.InScopeAsync(db => EmailDelivery(db, customerId, type).Select(d => d.DeliveredAt).SingleOrDefaultAsync());

    private Task<DeliveryStatus> EmailStatus(string customerId, string type)
        => _server.InScopeAsync(db => EmailDelivery(db, customerId, type).Select(d => d.Status).SingleAsync());

    private static IQueryable<OutboxDelivery> EmailDelivery(RuleSuspensionDb db, string customerId, string type)
        => db.OutboxDeliveries.AsNoTracking().Where(d => d.Message.CustomerId == customerId && d.Message.Type == type && d.Channel == OutboxChannel.Email);
}
