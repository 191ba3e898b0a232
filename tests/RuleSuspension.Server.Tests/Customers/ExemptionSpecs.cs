using System.Net;
using RuleSuspension.Domain.Access;
using RuleSuspension.Server.Tests.Infrastructure;
using static RuleSuspension.Server.Tests.Infrastructure.Api;
using static RuleSuspension.Server.Tests.Jobs.JobSteps;

namespace RuleSuspension.Server.Tests.Customers;

/// <summary>
/// <c>exemptUntil</c>: an exemption's last day, in the tenant's zone. Up to it the customer is never suspended
/// automatically; the next overdue check after it treats the customer as any other.
/// </summary>
public class ExemptionSpecs(TestServer server) : IClassFixture<TestServer>
{
    private HttpClient Admin => server.Client(Role.Admin);

    private async Task<string> ExemptCustomer(string exemptUntil, string tenantId = "t-1")
    {
        var id = "c-" + Guid.NewGuid().ToString("N")[..10];
        await Expect(await Admin.PutJson($"/api/customers/{id}", Profile(id, tenantId, new { exempt = true, exemptUntil, reason = "Payment plan agreed with finance" })), HttpStatusCode.Created);
        return id;
    }

    private static Dictionary<string, object?> Profile(string id, string tenantId, object? exemption = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["name"] = "Exempt Co " + id, ["email"] = $"billing@{id}.test", ["tenantId"] = tenantId, ["planId"] = "pro",
            ["identityVerified"] = true, ["accountManagers"] = new[] { "am@host.test" },
        };
        foreach (var property in exemption?.GetType().GetProperties() ?? [])
        {
            body[property.Name] = property.GetValue(exemption);
        }

        return body;
    }

    [Fact]
    public async Task The_customer_shows_its_exemption_and_last_day()
    {
        var id = await ExemptCustomer("2026-03-01");

        var customer = await Get(Admin, $"/api/customers/{id}");

        Assert.True(customer.GetProperty("exempt").GetBoolean());
        Assert.Equal("2026-03-01", customer.GetProperty("exemptUntil").GetString());
    }

    [Fact]
    public async Task On_its_last_day_the_customer_is_not_suspended()
    {
        var id = await ExemptCustomer("2026-03-01");
        await InvoiceOverdue(Admin, id, daysOverdue: 45);

        await RunCheck(Admin, asOf: "2026-03-01");

        Assert.Equal("active", await Status(Admin, id));
    }

    [Fact]
    public async Task The_day_after_its_last_day_the_next_check_suspends_the_customer()
    {
        var id = await ExemptCustomer("2026-02-28");
        await InvoiceOverdue(Admin, id, daysOverdue: 45);

        var run = await RunCheck(Admin, asOf: "2026-03-01");

        Assert.Equal("suspended", await Status(Admin, id));
        Assert.Equal(0, run.GetProperty("failed").GetInt32());
    }

    [Fact]
    public async Task Past_midnight_in_the_tenants_zone_the_exemption_has_ended_there_and_not_in_utc()
    {
        await Expect(await server.Client(Role.SuperAdmin).PutJson("/api/tenants/t-exempt-tokyo", new { timeZone = "Asia/Tokyo" }), HttpStatusCode.Created);
        var inTokyo = await ExemptCustomer("2026-03-31", tenantId: "t-exempt-tokyo");
        var inUtc = await ExemptCustomer("2026-03-31", tenantId: "t-exempt-utc");
        await InvoiceOverdue(Admin, inTokyo, daysOverdue: 45, asOf: new DateOnly(2026, 3, 31));
        await InvoiceOverdue(Admin, inUtc, daysOverdue: 45, asOf: new DateOnly(2026, 3, 31));

        // 16:00 UTC on the last day is already 1 April in Tokyo.
        await RunCheck(Admin, asOf: "2026-03-31T16:00:00Z");

        Assert.Equal("suspended", await Status(Admin, inTokyo));
        Assert.Equal("active", await Status(Admin, inUtc));
    }

    [Fact]
    public async Task The_rule_language_sees_exempt_until_the_last_day_and_not_after()
    {
        var id = await ExemptCustomer("2026-03-01");
        await InvoiceOverdue(Admin, id, daysOverdue: 45);

        var onLastDay = await DryRun(id, "2026-03-01");
        var dayAfter = await DryRun(id, "2026-03-02");

        Assert.Equal("none", onLastDay);
        Assert.Equal("suspend", dayAfter);
    }

    [Fact]
    public async Task Changing_an_exemption_without_a_reason_is_refused_and_changes_nothing()
    {
        var id = await CreateCustomer(Admin);

        var problem = await ExpectProblem(await Admin.PutJson($"/api/customers/{id}", Profile(id, "t-1", new { exempt = true, exemptUntil = "2026-03-01" })), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.False((await Get(Admin, $"/api/customers/{id}")).GetProperty("exempt").GetBoolean());
    }

    [Fact]
    public async Task A_last_day_on_a_customer_that_is_not_exempt_is_refused()
    {
        var id = "c-" + Guid.NewGuid().ToString("N")[..10];

        var problem = await ExpectProblem(await Admin.PutJson($"/api/customers/{id}", Profile(id, "t-1", new { exempt = false, exemptUntil = "2026-03-01", reason = "x" })), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("exemptUntil", out _));
    }

    [Fact]
    public async Task An_exemption_change_is_audited_with_who_and_why()
    {
        var id = await ExemptCustomer("2026-03-01");

        var audit = await Get(Admin, $"/api/audit?customerId={id}&action=customer.exemption-changed");

        var entry = Assert.Single(audit.EnumerateArray());
        Assert.Equal("test-admin (Admin)", entry.GetProperty("actor").GetString());
        Assert.Contains("Payment plan agreed with finance", entry.GetProperty("details").ToString());
        Assert.Contains("2026-03-01", entry.GetProperty("details").ToString());
    }

    [Fact]
    public async Task A_put_that_says_nothing_of_the_exemption_keeps_it()
    {
        var id = await ExemptCustomer("2026-03-01");

        await Expect(await server.Client(Role.Integration).PutJson($"/api/customers/{id}", Profile(id, "t-1", new { name = "Renamed Co" })), HttpStatusCode.OK);

        var customer = await Get(Admin, $"/api/customers/{id}");
        Assert.Equal("Renamed Co", customer.GetProperty("name").GetString());
        Assert.Equal("2026-03-01", customer.GetProperty("exemptUntil").GetString());
    }

    [Fact]
    public async Task A_sign_up_event_may_carry_an_exemption_with_its_last_day()
    {
        var id = "c-" + Guid.NewGuid().ToString("N")[..10];
        var signUp = Event("customer.signed-up", id, new { customer = new { name = "Signed Co", email = "s@x.test", tenantId = "t-1", planId = "pro", identityVerified = true, exemptUntil = "2026-06-30" } });

        await Expect(await PostEvent(server.Client(Role.Integration), signUp), HttpStatusCode.Accepted);

        var customer = await Get(Admin, $"/api/customers/{id}");
        Assert.True(customer.GetProperty("exempt").GetBoolean());
        Assert.Equal("2026-06-30", customer.GetProperty("exemptUntil").GetString());
        Assert.Single((await Get(Admin, $"/api/audit?customerId={id}&action=customer.exemption-changed")).EnumerateArray());
    }

    [Fact]
    public async Task A_resent_sign_up_that_says_nothing_of_it_keeps_the_exemption()
    {
        var id = await ExemptCustomer("2026-03-01");
        var signUp = Event("customer.signed-up", id, new { customer = new { name = "Exempt Co " + id, email = $"billing@{id}.test", tenantId = "t-1", planId = "pro", identityVerified = true } });

        await Expect(await PostEvent(server.Client(Role.Integration), signUp), HttpStatusCode.Accepted);

        Assert.Equal("2026-03-01", (await Get(Admin, $"/api/customers/{id}")).GetProperty("exemptUntil").GetString());
    }

    private async Task<string> DryRun(string customerId, string asOf)
        => (await Expect(await server.Client(Role.Finance).PostJson("/api/rulesets/non-payment/evaluate", new { customerId, asOf }), HttpStatusCode.OK))
            .GetProperty("decision").GetProperty("outcome").GetString()!.ToLowerInvariant();
}
