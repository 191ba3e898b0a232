using System.Net;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Access;
using RuleSuspension.Server.Tests.Infrastructure;
using static RuleSuspension.Server.Tests.Infrastructure.Api;
using static RuleSuspension.Server.Tests.Jobs.JobSteps;

namespace RuleSuspension.Server.Tests.Jobs;

/// <summary>
/// The overdue check on a seeded database, with the shipped non-payment thresholds (warn from 7 days, suspend after
/// 30, any overdue amount). Each spec seeds its own customers and runs the check as of 2026-03-01.
/// </summary>
public class OverdueCheckSpecs(TestServer server) : IClassFixture<TestServer>
{
    private HttpClient Admin => server.Client(Role.SuperAdmin);

    [Fact]
    public async Task A_customer_with_an_invoice_past_grace_is_suspended_for_non_payment_with_a_lift_task()
    {
        var customer = await Customer(Admin);
        await InvoiceOverdue(Admin, customer, daysOverdue: 45);

        await RunCheck(server.Client(Role.Finance));

        var suspension = (await Get(Admin, $"/api/customers/{customer}")).GetProperty("suspension");
        Assert.Equal("non-payment", suspension.GetProperty("reasonCode").GetString());
        Assert.Equal("automatic", suspension.GetProperty("kind").GetString());
        Assert.Contains((await Get(Admin, $"/api/tasks?customerId={customer}&status=open")).EnumerateArray(), t => t.GetProperty("kind").GetString() == "lift-suspension");
    }

    [Fact]
    public async Task A_customer_within_grace_is_warned_and_not_suspended()
    {
        var customer = await Customer(Admin);
        var invoice = await InvoiceOverdue(Admin, customer, daysOverdue: 19);

        await RunCheck(Admin);

        Assert.Equal("active", await Status(Admin, customer));
        Assert.True(await server.InScopeAsync(db => db.OverdueWarnings.AnyAsync(w => w.CustomerId == customer && w.InvoiceId == invoice)));
    }

    [Fact]
    public async Task A_paid_invoice_neither_warns_nor_suspends()
    {
        var customer = await Customer(Admin);
        await InvoiceOverdue(Admin, customer, daysOverdue: 60, paidAt: new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

        await RunCheck(Admin);

        Assert.Equal("active", await Status(Admin, customer));
        Assert.False(await server.InScopeAsync(db => db.OverdueWarnings.AnyAsync(w => w.CustomerId == customer)));
    }

    [Fact]
    public async Task An_exempt_customer_is_never_suspended_automatically()
    {
        var customer = await Customer(Admin, exempt: true);
        await InvoiceOverdue(Admin, customer, daysOverdue: 90);

        await RunCheck(Admin);

        Assert.Equal("active", await Status(Admin, customer));
    }

    [Fact]
    public async Task An_overdue_invoice_with_a_zero_balance_neither_warns_nor_suspends()
    {
        var customer = await Customer(Admin);
        await InvoiceOverdue(Admin, customer, daysOverdue: 60, amount: 0m);

        await RunCheck(Admin);

        Assert.Equal("active", await Status(Admin, customer));
        Assert.False(await server.InScopeAsync(db => db.OverdueWarnings.AnyAsync(w => w.CustomerId == customer)));
    }

    [Fact]
    public async Task A_plan_with_longer_grace_days_is_warned_where_others_are_suspended()
    {
        await Expect(await server.Client(Role.Finance).PutJson("/api/rulesets/non-payment/parameters", new { values = new { graceDaysByPlan = new { enterprise = 60 } } }), HttpStatusCode.OK);
        var enterprise = await Customer(Admin, planId: "enterprise");
        var pro = await Customer(Admin, planId: "pro");
        await InvoiceOverdue(Admin, enterprise, daysOverdue: 45);
        await InvoiceOverdue(Admin, pro, daysOverdue: 45);

        await RunCheck(Admin);

        Assert.Equal("active", await Status(Admin, enterprise));
        Assert.Equal("suspended", await Status(Admin, pro));
    }

    [Fact]
    public async Task On_the_boundary_day_the_grace_still_holds_and_the_day_after_it_suspends()
    {
        var onBoundary = await Customer(Admin);
        var dayAfter = await Customer(Admin);
        await InvoiceOverdue(Admin, onBoundary, daysOverdue: 30);
        await InvoiceOverdue(Admin, dayAfter, daysOverdue: 31);

        await RunCheck(Admin);

        Assert.Equal("active", await Status(Admin, onBoundary));
        Assert.Equal("suspended", await Status(Admin, dayAfter));
    }

    [Fact]
    public async Task An_invoice_due_today_is_not_overdue()
    {
        var customer = await Customer(Admin);
        await InvoiceOverdue(Admin, customer, daysOverdue: 0);

        var run = await RunCheck(Admin);

        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.False(await server.InScopeAsync(db => db.OverdueWarnings.AnyAsync(w => w.CustomerId == customer)));
    }
}
