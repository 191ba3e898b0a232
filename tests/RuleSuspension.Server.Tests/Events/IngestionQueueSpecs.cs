using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuleSuspension.Application.Events;
using RuleSuspension.Domain.Access;
using RuleSuspension.Server.Tests.Infrastructure;
using static RuleSuspension.Server.Tests.Infrastructure.Api;

namespace RuleSuspension.Server.Tests.Events;

/// <summary>
/// Bounded ingestion (Limits:Ingestion): one event in its unit of work at once and one waiting. The spec holds the only
/// turn itself, so what queues and what overflows is decided by the gate, not by timing.
/// </summary>
public sealed class IngestionQueueSpecs : IAsyncLifetime
{
    private readonly TestServer _server = new(new Dictionary<string, string?>
    {
        ["Limits:Ingestion:MaxConcurrent"] = "1",
        ["Limits:Ingestion:QueueLength"] = "1",
        ["Limits:Ingestion:RetryAfterSeconds"] = "2",
    });

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    private IngestionGate Gate => _server.Services.GetRequiredService<IngestionGate>();

    [Fact]
    public async Task An_event_past_a_full_queue_is_answered_503_with_Retry_After_and_stores_nothing()
    {
        var integration = _server.Client(Role.Integration);
        var queuedCustomer = "c-" + Guid.NewGuid().ToString("N")[..10];
        var refusedCustomer = "c-" + Guid.NewGuid().ToString("N")[..10];
        Task<HttpResponseMessage> queued;
        HttpResponseMessage refused;
        using (await Gate.EnterAsync(CancellationToken.None))
        {
            queued = PostEvent(integration, SignUp(queuedCustomer));
            await WaitUntilQueued(1);

            refused = await PostEvent(integration, SignUp(refusedCustomer));
        }

        var problem = await ExpectProblem(refused, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("ingestion-queue-full", problem.GetProperty("code").GetString());
        Assert.Equal(TimeSpan.FromSeconds(2), refused.Headers.RetryAfter?.Delta);
        await Expect(await queued, HttpStatusCode.Accepted);
        Assert.False(await _server.InScopeAsync(db => db.Events.AnyAsync(e => e.CustomerId == refusedCustomer)));
        Assert.False(await _server.InScopeAsync(db => db.Customers.AnyAsync(c => c.Id == refusedCustomer)));
    }

    [Fact]
    public async Task Queued_events_all_commit_once_their_turn_comes()
    {
        var integration = _server.Client(Role.Integration);
        var customers = Enumerable.Range(0, 3).Select(_ => "c-" + Guid.NewGuid().ToString("N")[..10]).ToList();

        // One at a time into the one place of the queue; each waits for the turn the spec holds, then the next one's.
        var answers = new List<HttpResponseMessage>();
        foreach (var customer in customers)
        {
            Task<HttpResponseMessage> queued;
            using (await Gate.EnterAsync(CancellationToken.None))
            {
                queued = PostEvent(integration, SignUp(customer));
                await WaitUntilQueued(1);
            }

            answers.Add(await queued);
        }

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode));
        Assert.Equal(customers.Count, await _server.InScopeAsync(db => db.Customers.CountAsync(c => customers.Contains(c.Id))));
    }

    [Fact]
    public async Task A_refused_event_sent_again_under_the_same_id_is_stored_once()
    {
        var integration = _server.Client(Role.Integration);
        var customer = "c-" + Guid.NewGuid().ToString("N")[..10];
        var envelope = SignUp(customer, id: "evt-" + customer);
        Task<HttpResponseMessage> queued;
        HttpResponseMessage refused;
        using (await Gate.EnterAsync(CancellationToken.None))
        {
            queued = PostEvent(integration, SignUp("c-" + Guid.NewGuid().ToString("N")[..10]));
            await WaitUntilQueued(1);
            refused = await PostEvent(integration, envelope);
        }

        await queued;
        var resent = await PostEvent(integration, envelope);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        await Expect(resent, HttpStatusCode.Accepted);
        Assert.Equal(1, await _server.InScopeAsync(db => db.Events.CountAsync(e => e.Id == "evt-" + customer)));
    }

    private static object SignUp(string customerId, string? id = null) => Event("customer.signed-up", customerId, new
    {
        customer = new { name = "Queued Co", email = "owner@queued.test", tenantId = "t-1", planId = "starter", identityVerified = true },
    }, id);

    private async Task WaitUntilQueued(int count)
    {
        // The request is in flight on the server; it reaches the gate after its body is read and checked.
        for (var i = 0; i < 1000 && Gate.Waiting < count; i++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(count, Gate.Waiting);
    }
}
