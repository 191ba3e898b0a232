using System.Net;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Access;
using RuleSuspension.Server.Tests.Infrastructure;
using static RuleSuspension.Server.Tests.Infrastructure.Api;
using static RuleSuspension.Server.Tests.Jobs.JobSteps;

namespace RuleSuspension.Server.Tests.Jobs;

/// <summary>
/// What a run records: its clock, status and counts; and that a second run repeats nothing. Each spec has a server
/// of its own with three customers: one past grace, one in the warning window, one not yet warned.
/// </summary>
public class OverdueCheckRunSpecs : IAsyncLifetime
{
    private readonly TestServer server = new();
    private string _suspended = "", _warned = "", _notYet = "";

    private HttpClient Admin => server.Client(Role.SuperAdmin);

    public async Task InitializeAsync()
    {
        await server.InitializeAsync();
        _suspended = await Customer(Admin);
        _warned = await Customer(Admin);
        _notYet = await Customer(Admin);
        await InvoiceOverdue(Admin, _suspended, daysOverdue: 40);
        await InvoiceOverdue(Admin, _warned, daysOverdue: 10);
        await InvoiceOverdue(Admin, _notYet, daysOverdue: 3);
    }

    public Task DisposeAsync() => server.DisposeAsync();

    [Fact]
    public async Task A_run_records_its_clock_times_and_counts()
    {
        var run = await RunCheck(server.Client(Role.Finance));

        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.Equal("manual", run.GetProperty("trigger").GetString());
        Assert.Equal("2026-03-01", run.GetProperty("asOfDate").GetString());
        Assert.True(run.GetProperty("endedAt").GetDateTimeOffset() >= run.GetProperty("startedAt").GetDateTimeOffset());
        Assert.Equal((3, 1, 1, 0), (run.GetProperty("checked").GetInt32(), run.GetProperty("warned").GetInt32(), run.GetProperty("suspended").GetInt32(), run.GetProperty("failed").GetInt32()));
    }

    [Fact]
    public async Task A_second_run_neither_warns_again_about_the_same_invoice_nor_looks_at_the_suspended_customer()
    {
        await RunCheck(Admin);

        var second = await RunCheck(Admin);

        Assert.Equal((2, 0, 0), (second.GetProperty("checked").GetInt32(), second.GetProperty("warned").GetInt32(), second.GetProperty("suspended").GetInt32()));
        Assert.Equal(1, await server.InScopeAsync(db => db.Outbox.CountAsync(m => m.CustomerId == _warned && m.Type == "customer.warned")));
    }

    [Fact]
    public async Task A_new_overdue_invoice_of_a_warned_customer_warns_again()
    {
        await RunCheck(Admin);
        await InvoiceOverdue(Admin, _warned, daysOverdue: 8);

        var second = await RunCheck(Admin);

        Assert.Equal(1, second.GetProperty("warned").GetInt32());
        Assert.Equal(2, await server.InScopeAsync(db => db.OverdueWarnings.CountAsync(w => w.CustomerId == _warned)));
    }

    [Fact]
    public async Task A_customer_that_fails_is_recorded_and_the_run_goes_on_with_the_others()
    {
        var broken = await Customer(Admin, tenantId: "t-broken");
        await InvoiceOverdue(Admin, broken, daysOverdue: 40);
        await Expect(await Admin.PutJson("/api/tenants/t-broken", new { timeZone = "Europe/Paris" }), HttpStatusCode.Created);

        // A zone the node does not know (say, removed from tzdata by an upgrade) must not be guessed at.
        await server.InScopeAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"Tenants\" SET \"TimeZone\" = 'Mars/Olympus_Mons' WHERE \"Id\" = 't-broken'"));

        var run = await RunCheck(Admin);

        Assert.Equal("completed-with-failures", run.GetProperty("status").GetString());
        Assert.Equal((1, 1), (run.GetProperty("failed").GetInt32(), run.GetProperty("suspended").GetInt32()));
        var failure = Assert.Single(run.GetProperty("failures").EnumerateArray());
        Assert.Equal(broken, failure.GetProperty("customerId").GetString());
        Assert.Contains("Mars/Olympus_Mons", failure.GetProperty("error").GetString());
        Assert.Equal("suspended", await Status(Admin, _suspended));
    }

    [Fact]
    public async Task An_unknown_run_is_not_found()
        => await ExpectProblem(await Admin.GetAsync($"/api/jobs/runs/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
}
