using Microsoft.EntityFrameworkCore;
using System.Net;
using RuleSuspension.Domain.Access;
using RuleSuspension.Server.Tests.Infrastructure;
using static RuleSuspension.Server.Tests.Infrastructure.Api;

namespace RuleSuspension.Server.Tests.Suspensions;

public class SuspensionApiSpecs(TestServer server) : IClassFixture<TestServer>
{
    [Fact]
    public async Task Manual_suspension_shows_the_suspended_effects_in_access()
    {
        var admin = server.Client(Role.Admin);
        var id = await CreateCustomer(admin);

        await Expect(await Suspend(admin, id), HttpStatusCode.Created);
        var access = await Get(admin, $"/api/customers/{id}/access");

        Assert.True(access.GetProperty("suspended").GetBoolean());
        Assert.False(access.GetProperty("isActiveUser").GetBoolean());
        Assert.False(access.GetProperty("invoiced").GetBoolean());
        Assert.Equal("pay-invoices-only", access.GetProperty("portal").GetString());
        Assert.False(access.GetProperty("login").GetProperty("usersAllowed").GetBoolean());
        Assert.True(access.GetProperty("login").GetProperty("accountManagersAllowed").GetBoolean());
        Assert.True(access.GetProperty("notificationsPaused").GetBoolean());
        Assert.True(access.GetProperty("ingestionPaused").GetBoolean());
        Assert.False(string.IsNullOrEmpty(access.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Suspended_customer_shows_its_active_suspension()
    {
        var admin = server.Client(Role.Admin);
        var id = await CreateCustomer(admin);

        await Expect(await Suspend(admin, id, "investigation", "Chargeback storm"), HttpStatusCode.Created);
        var customer = await Get(admin, $"/api/customers/{id}");

        Assert.Equal("suspended", customer.GetProperty("status").GetString());
        var suspension = customer.GetProperty("suspension");
        Assert.Equal("manual", suspension.GetProperty("kind").GetString());
        Assert.Equal("investigation", suspension.GetProperty("reasonCode").GetString());
        Assert.Equal("Chargeback storm", suspension.GetProperty("reasonText").GetString());
        Assert.Equal("test-admin (Admin)", suspension.GetProperty("decidedBy").GetString());
    }

    [Fact]
    public async Task Second_suspension_while_suspended_is_409()
    {
        var admin = server.Client(Role.Admin);
        var id = await CreateCustomer(admin);
        await Expect(await Suspend(admin, id), HttpStatusCode.Created);

        var problem = await ExpectProblem(await Suspend(admin, id), HttpStatusCode.Conflict);

        Assert.Equal("already-suspended", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Suspension_without_reason_is_400_naming_the_field()
    {
        var admin = server.Client(Role.Admin);
        var id = await CreateCustomer(admin);

        var problem = await ExpectProblem(await Suspend(admin, id, reason: ""), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
    }

    [Fact]
    public async Task Lift_by_finance_is_forbidden()
    {
        var id = await CreateCustomer(server.Client());
        await Expect(await Suspend(server.Client(Role.Admin), id), HttpStatusCode.Created);

        await ExpectProblem(await Lift(server.Client(Role.Finance), id), HttpStatusCode.Forbidden);

        Assert.Equal("suspended", (await Get(server.Client(), $"/api/customers/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Lift_without_reason_is_refused()
    {
        var superAdmin = server.Client();
        var id = await CreateCustomer(superAdmin);
        await Expect(await Suspend(superAdmin, id), HttpStatusCode.Created);

        var problem = await ExpectProblem(await Lift(superAdmin, id, reason: "   "), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal("suspended", (await Get(superAdmin, $"/api/customers/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Lift_by_super_admin_restores_access()
    {
        var superAdmin = server.Client();
        var id = await CreateCustomer(superAdmin);
        await Expect(await Suspend(superAdmin, id), HttpStatusCode.Created);

        var lifted = await Expect(await Lift(superAdmin, id, "Customer explained the chargebacks"), HttpStatusCode.OK);
        var access = await Get(superAdmin, $"/api/customers/{id}/access");

        Assert.Equal("Customer explained the chargebacks", lifted.GetProperty("liftReason").GetString());
        Assert.False(access.GetProperty("suspended").GetBoolean());
        Assert.True(access.GetProperty("isActiveUser").GetBoolean());
        Assert.True(access.GetProperty("invoiced").GetBoolean());
        Assert.Equal("full", access.GetProperty("portal").GetString());
    }

    [Fact]
    public async Task Lifting_an_active_customer_is_409()
    {
        var superAdmin = server.Client();
        var id = await CreateCustomer(superAdmin);

        var problem = await ExpectProblem(await Lift(superAdmin, id), HttpStatusCode.Conflict);

        Assert.Equal("not-suspended", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task History_lists_suspensions_newest_first_with_who_and_why()
    {
        var superAdmin = server.Client();
        var id = await CreateCustomer(superAdmin);
        await Expect(await Suspend(superAdmin, id, "investigation", "First"), HttpStatusCode.Created);
        await Expect(await Lift(superAdmin, id, "Cleared"), HttpStatusCode.OK);
        await Expect(await Suspend(superAdmin, id, "other", "Second"), HttpStatusCode.Created);

        var history = await Get(server.Client(Role.Viewer), $"/api/customers/{id}/suspensions");

        Assert.Equal(2, history.GetArrayLength());
        Assert.Equal("Second", history[0].GetProperty("reasonText").GetString());
        Assert.True(history[0].GetProperty("active").GetBoolean());
        Assert.Equal("Cleared", history[1].GetProperty("liftReason").GetString());
        Assert.Equal("test-superadmin (SuperAdmin)", history[1].GetProperty("liftedBy").GetString());
    }

    [Fact]
    public async Task Manual_suspension_and_lift_are_announced_in_the_outbox()
    {
        var superAdmin = server.Client();
        var id = await CreateCustomer(superAdmin);

        await Expect(await Suspend(superAdmin, id, "investigation", "Fraud report #12"), HttpStatusCode.Created);
        await Expect(await Lift(superAdmin, id, "Cleared by the bank"), HttpStatusCode.OK);

        var messages = await server.InScopeAsync(db => db.Outbox.Where(m => m.CustomerId == id).OrderBy(m => m.CreatedAt).ToListAsync());
        Assert.Equal(["customer.suspended", "customer.reactivated"], messages.Select(m => m.Type));
        Assert.Contains("Fraud report #12", messages[0].Payload);
        Assert.Contains("Cleared by the bank", messages[1].Payload);
    }

    [Fact]
    public async Task Suspend_and_lift_are_audited()
    {
        var superAdmin = server.Client();
        var id = await CreateCustomer(superAdmin);
        await Expect(await Suspend(superAdmin, id), HttpStatusCode.Created);
        await Expect(await Lift(superAdmin, id, "Paid"), HttpStatusCode.OK);

        var audit = await Get(server.Client(Role.Viewer), $"/api/audit?customerId={id}");

        var actions = audit.EnumerateArray().Select(a => a.GetProperty("action").GetString()).ToList();
        Assert.Equal(["customer.reactivated", "customer.suspended", "customer.created"], actions);
        Assert.Equal("Paid", audit[0].GetProperty("details").GetProperty("liftReason").GetString());
    }
}
