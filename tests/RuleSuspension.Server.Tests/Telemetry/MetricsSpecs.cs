using System.Net;
using RuleSuspension.Domain.Access;
using RuleSuspension.Server.Tests.Infrastructure;
using static RuleSuspension.Server.Tests.Infrastructure.Api;
using static RuleSuspension.Server.Tests.Workflows.WorkflowSteps;

namespace RuleSuspension.Server.Tests.Telemetry;

/// <summary>
/// The service's meter is one per process: these specs run alone (no other server records meanwhile), so the counts
/// they read are their own scripted run's.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "metrics, alone";
}

/// <summary>DESIGN §9: after a scripted run (a few events, a suspension, a lift, an overdue check) /metrics counts exactly that.</summary>
[Collection(MetricsCollection.Name)]
public sealed class MetricsSpecs : IAsyncLifetime
{
    private readonly TestServer _server = new();
    private MetricsText _metrics = null!;

    public async Task InitializeAsync()
    {
        await _server.InitializeAsync();
        var integration = _server.Client(Role.Integration);
        var unverified = NewCustomerId();
        await Accept(integration, SignUp(unverified, identityVerified: false));
        await Accept(integration, SignUp(NewCustomerId(), identityVerified: true));
        await ExpectProblem(await PostEvent(integration, Event("identity.verified", NewCustomerId(), new { })), HttpStatusCode.BadRequest);
        await ExpectProblem(await PostEvent(integration, Event("no.such-type", unverified, new { })), HttpStatusCode.BadRequest);
        await Expect(await Lift(_server.Client(), unverified), HttpStatusCode.OK);
        await Jobs.JobSteps.RunCheck(_server.Client());

        _metrics = new MetricsText(await (await _server.Client(role: null).GetAsync("/metrics")).Content.ReadAsStringAsync());
    }

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public void Events_received_are_counted_by_type()
        => Assert.Equal(2, _metrics.Value("rulesuspension_events_received_total", ("type", "customer.signed-up")));

    [Fact]
    public void Events_refused_are_counted_by_type_and_unknown_types_as_other()
    {
        Assert.Equal(1, _metrics.Value("rulesuspension_events_refused_total", ("type", "identity.verified")));
        Assert.Equal(1, _metrics.Value("rulesuspension_events_refused_total", ("type", "other")));
    }

    [Fact]
    public void Decisions_are_counted_by_outcome_and_rule_set()
    {
        Assert.Equal(1, _metrics.Value("rulesuspension_decisions_total", ("outcome", "Suspend"), ("rule_set", "signup")));
        Assert.Equal(1, _metrics.Value("rulesuspension_decisions_total", ("outcome", "None"), ("rule_set", "signup")));
    }

    [Fact]
    public void Suspensions_and_lifts_are_counted_by_kind_and_reason()
    {
        Assert.Equal(1, _metrics.Value("rulesuspension_suspensions_total", ("kind", "automatic"), ("reason", "identity-check")));
        Assert.Equal(1, _metrics.Value("rulesuspension_lifts_total", ("kind", "automatic"), ("reason", "identity-check")));
    }

    [Fact]
    public void Overdue_check_runs_are_counted_with_their_duration()
    {
        Assert.Equal(1, _metrics.Value("rulesuspension_overdue_check_runs_total", ("status", "succeeded")));
        Assert.Equal(1, _metrics.Value("rulesuspension_overdue_check_duration_seconds_count"));
    }

    [Fact]
    public void Lock_waits_are_measured()
        => Assert.True(_metrics.Value("rulesuspension_customer_lock_wait_seconds_count") >= 3);

    [Fact]
    public void Outbox_backlog_is_a_gauge_per_channel()
        => Assert.NotNull(_metrics.Value("rulesuspension_outbox_backlog", ("channel", "webhook")));

    [Fact]
    public void Requests_are_measured_by_asp_net_core()
        => Assert.Contains("http_server_request_duration_seconds", _metrics.Text);
}
