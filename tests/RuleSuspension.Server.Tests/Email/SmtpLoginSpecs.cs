using RuleSuspension.Server.Tests.Infrastructure;
using static RuleSuspension.Server.Tests.Infrastructure.Api;
using static RuleSuspension.Server.Tests.Workflows.WorkflowSteps;

namespace RuleSuspension.Server.Tests.Email;

/// <summary>A relay that takes mail only after a login: <c>Smtp:UserName</c> and <c>Smtp:Password</c>.</summary>
public sealed class SmtpLoginSpecs : IAsyncLifetime
{
    private SmtpSink _sink = null!;
    private TestServer _server = null!;

    public async Task InitializeAsync()
    {
        _sink = await SmtpSink.StartAsync(login: ("relay-user", "relay-password"));
        _server = new TestServer(new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = _sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:From"] = "suspensions@rulesuspension.test",
            ["Smtp:UserName"] = "relay-user",
            ["Smtp:Password"] = "relay-password",
            ["Smtp:PollInterval"] = "00:00:00.100",
        });
        await _server.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _sink.DisposeAsync();
    }

    [Fact]
    public async Task The_sender_logs_in_to_the_relay_when_a_user_name_is_set()
    {
        // Arrange / act
        var customerId = NewCustomerId();
        await Accept(_server.Client(), SignUp(customerId, identityVerified: false));

        // Assert
        await Eventually(() => Task.FromResult(_sink.Mentioning(customerId).Count == 1));
        Assert.Equal("relay-user", _sink.Mentioning(customerId)[0].User);
    }
}
