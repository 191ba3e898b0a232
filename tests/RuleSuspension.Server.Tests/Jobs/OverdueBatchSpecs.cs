using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuleSuspension.Domain.Access;
using RuleSuspension.Persistence;
using RuleSuspension.Persistence.Locking;
using RuleSuspension.Server.Tests.Infrastructure;
using static RuleSuspension.Server.Tests.Infrastructure.Api;
using static RuleSuspension.Server.Tests.Jobs.JobSteps;

namespace RuleSuspension.Server.Tests.Jobs;

/// <summary>How the check's batches meet each other and the customers' other work: the lock, the unit of work, batches at once.</summary>
public class OverdueBatchSpecs
{
    private static async Task With(TestServer server, Func<TestServer, Task> spec)
    {
        await server.InitializeAsync();
        try
        {
            await spec(server);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public Task Batches_checked_at_once_suspend_and_warn_each_customer_exactly_once()
        => With(new TestServer(new Dictionary<string, string?> { ["OverdueCheck:BatchSize"] = "1", ["OverdueCheck:Parallelism"] = "3" }), async server =>
    {
        var admin = server.Client(Role.SuperAdmin);
        var pastGrace = new List<string>();
        var inWarning = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            pastGrace.Add(await Customer(admin));
            await InvoiceOverdue(admin, pastGrace[^1], daysOverdue: 40);
            inWarning.Add(await Customer(admin));
            await InvoiceOverdue(admin, inWarning[^1], daysOverdue: 10);
        }

        var run = await RunCheck(admin);

        Assert.Equal((6, 3, 3, 0), (run.GetProperty("checked").GetInt32(), run.GetProperty("warned").GetInt32(), run.GetProperty("suspended").GetInt32(), run.GetProperty("failed").GetInt32()));
        Assert.Equal(3, await server.InScopeAsync(db => db.Suspensions.CountAsync(s => pastGrace.Contains(s.CustomerId))));
        Assert.Equal(3, await server.InScopeAsync(db => db.Outbox.CountAsync(m => inWarning.Contains(m.CustomerId) && m.Type == "customer.warned")));
    });

    [Fact]
    public Task A_customer_locked_by_other_work_is_waited_for_not_skipped() => With(new TestServer(), async server =>
    {
        var admin = server.Client(Role.SuperAdmin);
        var customer = await Customer(admin);
        await InvoiceOverdue(admin, customer, daysOverdue: 40);

        // Another unit of work (an event's, say) holds the customer while the check is asked for.
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RuleSuspensionDb>();
        var held = await scope.ServiceProvider.GetRequiredService<CustomerLock>().AcquireAsync(db, customer, default);
        var asked = admin.PostJson("/api/jobs/overdue-check/run", new { asOf = "2026-03-01" });
        await Task.Delay(500);
        await held.CommitAsync(default);
        var accepted = await Expect(await asked, HttpStatusCode.Accepted);

        var run = await WaitForRun(admin, accepted.GetProperty("runId").GetString()!);

        Assert.Equal(1, run.GetProperty("suspended").GetInt32());
        Assert.Equal("suspended", await Status(admin, customer));
    });
}
