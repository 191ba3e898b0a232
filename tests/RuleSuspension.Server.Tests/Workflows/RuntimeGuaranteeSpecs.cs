using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuleSuspension.Application.Workflows;
using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Tasks;
using RuleSuspension.Server.Tests.Infrastructure;
using RuleSuspension.Server.Tests.Jobs;
using RuleSuspension.Workflows.Runtime;
using static RuleSuspension.Server.Tests.Infrastructure.Api;
using static RuleSuspension.Server.Tests.Workflows.WorkflowSteps;

namespace RuleSuspension.Server.Tests.Workflows;

/// <summary>What the runtime promises: several nodes, restarts, timers, duplicate, late and concurrent events.</summary>
public sealed class RuntimeGuaranteeSpecs(TestServer server) : IClassFixture<TestServer>
{
    private HttpClient Integration => server.Client(Role.Integration);

    private HttpClient SuperAdmin => server.Client();

    private static object Invoice(string customerId, DateTimeOffset? occurredAt = null) => new
    {
        id = "evt-" + Guid.NewGuid().ToString("N"),
        type = "invoice.issued",
        occurredAt = occurredAt ?? DateTimeOffset.UtcNow,
        customerId,
        data = new { invoiceId = "inv-" + Guid.NewGuid().ToString("N")[..8], amount = 10, currency = "EUR", issuedAt = "2026-01-01", dueDate = "2026-01-31" },
    };

    [Fact]
    public async Task A_second_host_on_the_same_database_resumes_an_instance_the_first_left_waiting()
    {
        var id = NewCustomerId();
        await Accept(Integration, SignUp(id, identityVerified: false));
        var task = await OpenLiftTask(SuperAdmin, id);
        await using var second = new SecondHost(server);

        await Expect(await CompleteTask(await second.ClientAsync(), task, "Lift"), HttpStatusCode.OK);

        Assert.Equal("active", await Status(SuperAdmin, id));
        Assert.Equal("completed", (await Instance(SuperAdmin, id, "signup-identity-check")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_workflow_published_on_another_host_starts_here_with_the_next_event()
    {
        var customer = await CreateCustomer(SuperAdmin);
        await Accept(Integration, Invoice(customer)); // this host has read the published workflows (and kept them)
        var workflow = "custom-" + Guid.NewGuid().ToString("N")[..6];
        await using var second = new SecondHost(server);
        await Publish(await second.ClientAsync(), WorkflowDefinitionApiSpecs.Flow(workflow, customer), workflow);

        await Accept(Integration, Invoice(customer));

        Assert.Equal("suspended", await Status(SuperAdmin, customer));
    }

    [Fact]
    public async Task A_timer_set_before_a_restart_fires_after_it()
    {
        var customer = await CreateCustomer(SuperAdmin);
        var workflow = "timed-" + Guid.NewGuid().ToString("N")[..6];
        await Publish(server.Client(Role.Admin), TimerSpecs.DelayedWorkflow(workflow, customer, "PT4S"), workflow);
        await Accept(Integration, Invoice(customer));

        await server.RestartAsync();

        await Eventually(async () => Path(await Instance(SuperAdmin, customer, workflow)).Contains("wait:Done"));

        var instance = await Instance(SuperAdmin, customer, workflow);
        Assert.Equal("waiting", instance.GetProperty("status").GetString());
        Assert.Equal("listen", instance.GetProperty("currentActivityId").GetString());
    }

    [Fact]
    public async Task A_timer_fires_once_however_many_nodes_poll()
    {
        var customer = await CreateCustomer(SuperAdmin);
        var workflow = "timed-" + Guid.NewGuid().ToString("N")[..6];
        await Publish(server.Client(Role.Admin), TimerSpecs.DelayedWorkflow(workflow, customer, "P1D"), workflow);
        await Accept(Integration, Invoice(customer));
        await using var second = new SecondHost(server);
        await second.ClientAsync();
        var later = DateTimeOffset.UtcNow.AddDays(2);

        var fired = await Task.WhenAll(FireAsync(server.Services, later), FireAsync(second.Services, later), FireAsync(server.Services, later));

        var instance = await Instance(SuperAdmin, customer, workflow);
        Assert.Equal(1, Path(instance).Count(p => p == "wait:Done"));
        Assert.True(fired.Sum() >= 1);
    }

    [Fact]
    public async Task The_same_event_twice_starts_the_workflow_once()
    {
        var id = NewCustomerId();
        var envelope = SignUp(id, identityVerified: false, id: "evt-once-" + id);

        await Accept(Integration, envelope);
        await Expect(await PostEvent(Integration, envelope), HttpStatusCode.OK);

        Assert.Single(await Instances(SuperAdmin, id));
        Assert.Single(await Tasks(SuperAdmin, id));
    }

    [Fact]
    public async Task An_older_event_arriving_late_does_not_resume_a_waiting_instance()
    {
        var customer = await CreateCustomer(SuperAdmin);
        var workflow = "timed-" + Guid.NewGuid().ToString("N")[..6];
        await Publish(server.Client(Role.Admin), TimerSpecs.DelayedWorkflow(workflow, customer, "PT1S"), workflow);
        var startedAt = DateTimeOffset.UtcNow;
        await Accept(Integration, Invoice(customer, startedAt));
        await Eventually(async () => (await Instance(SuperAdmin, customer, workflow)).GetProperty("currentActivityId").GetString() == "listen");

        await Accept(Integration, new { id = "evt-" + Guid.NewGuid().ToString("N"), type = "identity.verified", occurredAt = startedAt.AddHours(-1), customerId = customer, data = new { } });
        Assert.Equal("waiting", (await Instance(SuperAdmin, customer, workflow)).GetProperty("status").GetString());

        await Accept(Integration, new { id = "evt-" + Guid.NewGuid().ToString("N"), type = "identity.verified", occurredAt = startedAt.AddMinutes(1), customerId = customer, data = new { } });
        Assert.Equal("completed", (await Instance(SuperAdmin, customer, workflow)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_late_ordinary_stage_event_neither_lifts_nor_duplicates_a_crm_suspension()
    {
        var customer = await CreateCustomer(SuperAdmin);
        var now = DateTimeOffset.UtcNow;
        await Accept(Integration, Opportunity(customer, "Deactivate Account", "opp-1", occurredAt: now));

        await Accept(Integration, Opportunity(customer, "Negotiation", "opp-1", occurredAt: now.AddHours(-2)));

        Assert.Equal("suspended", await Status(SuperAdmin, customer));
        Assert.Single((await Get(SuperAdmin, $"/api/customers/{customer}/suspensions")).EnumerateArray());
        Assert.Single(await Tasks(SuperAdmin, customer, "open"));
    }

    [Fact]
    public async Task Fifty_concurrent_events_for_one_customer_leave_exactly_one_consistent_suspension()
    {
        var customer = await CreateCustomer(SuperAdmin);

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => PostEvent(server.Client(Role.Integration), Opportunity(customer, "Deactivate Account"))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Accepted, a.StatusCode));
        var (active, all, openTasks, instances) = await server.InScopeAsync(async db => (
            await db.Suspensions.CountAsync(s => s.CustomerId == customer && s.LiftedAt == null),
            await db.Suspensions.CountAsync(s => s.CustomerId == customer),
            await db.Tasks.CountAsync(t => t.CustomerId == customer && t.Status == HumanTaskStatus.Open),
            await db.WorkflowInstances.Where(i => i.CustomerId == customer).Select(i => i.Status).ToListAsync()));
        Assert.Equal((1, 1, 1), (active, all, openTasks));
        Assert.Equal(50, instances.Count);
        Assert.Equal(1, instances.Count(s => s == WorkflowStatus.Waiting));
        Assert.Equal(49, instances.Count(s => s == WorkflowStatus.Completed));
        var suspension = (await Customer(SuperAdmin, customer)).GetProperty("suspension");
        Assert.Equal(suspension.GetProperty("id").GetString(), (await OpenLiftTask(SuperAdmin, customer)).GetProperty("suspensionId").GetString());
    }

    [Fact]
    public async Task Instances_survive_a_restart_where_they_stood()
    {
        var id = NewCustomerId();
        await Accept(Integration, SignUp(id, identityVerified: false));

        await server.RestartAsync();

        Assert.Equal("waiting", (await Instance(SuperAdmin, id, "signup-identity-check")).GetProperty("status").GetString());
        await Expect(await CompleteTask(SuperAdmin, await OpenLiftTask(SuperAdmin, id), "Lift"), HttpStatusCode.OK);
        Assert.Equal("active", await Status(SuperAdmin, id));
    }

    private static async Task<int> FireAsync(IServiceProvider services, DateTimeOffset now)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowTimers>().FireDueAsync(now);
    }
}
