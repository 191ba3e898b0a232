using System.Net;
using RuleSuspension.Domain.Access;
using RuleSuspension.Server.Tests.Infrastructure;
using static RuleSuspension.Server.Tests.Infrastructure.Api;
using static RuleSuspension.Server.Tests.Jobs.JobSteps;

namespace RuleSuspension.Server.Tests.Jobs;

/// <summary>Days overdue are counted in the tenant's time zone: the check's instant, converted, as a date.</summary>
public class TenantTimeZoneSpecs(TestServer server) : IClassFixture<TestServer>
{
    private HttpClient Admin => server.Client(Role.SuperAdmin);

    [Fact]
    public async Task An_admin_sets_a_tenant_time_zone()
    {
        var response = await server.Client(Role.Admin).PutJson("/api/tenants/t-paris", new { timeZone = "Europe/Paris" });

        var tenant = await Expect(response, HttpStatusCode.Created);
        Assert.Equal("Europe/Paris", tenant.GetProperty("timeZone").GetString());
        Assert.Equal("Europe/Paris", (await Get(server.Client(Role.Viewer), "/api/tenants/t-paris")).GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task An_unknown_time_zone_is_refused_naming_the_field()
    {
        var problem = await ExpectProblem(await Admin.PutJson("/api/tenants/t-x", new { timeZone = "Mars/Olympus_Mons" }), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("timeZone", out _));
    }

    [Fact]
    public async Task Finance_may_not_set_a_tenant_time_zone()
        => Assert.Equal(HttpStatusCode.Forbidden, (await server.Client(Role.Finance).PutJson("/api/tenants/t-y", new { timeZone = "UTC" })).StatusCode);

    [Fact]
    public async Task At_the_same_instant_a_tenant_already_in_tomorrow_is_a_day_further_overdue()
    {
        await Expect(await Admin.PutJson("/api/tenants/t-tokyo", new { timeZone = "Asia/Tokyo" }), HttpStatusCode.Created);
        var inTokyo = await Customer(Admin, tenantId: "t-tokyo");
        var inUtc = await Customer(Admin, tenantId: "t-utc");

        // 2026-03-31 16:00 UTC is already 2026-04-01 in Tokyo: due 2026-03-01, that is day 31 there and day 30 in UTC.
        var dueAsOf = new DateOnly(2026, 3, 31);
        await InvoiceOverdue(Admin, inTokyo, daysOverdue: 30, asOf: dueAsOf);
        await InvoiceOverdue(Admin, inUtc, daysOverdue: 30, asOf: dueAsOf);

        await RunCheck(Admin, asOf: "2026-03-31T16:00:00Z");

        Assert.Equal("suspended", await Status(Admin, inTokyo));
        Assert.Equal("active", await Status(Admin, inUtc));
    }

    [Fact]
    public async Task A_check_asked_for_a_date_uses_that_date_in_every_tenant()
    {
        await Expect(await Admin.PutJson("/api/tenants/t-auckland", new { timeZone = "Pacific/Auckland" }), HttpStatusCode.Created);
        var customer = await Customer(Admin, tenantId: "t-auckland");
        await InvoiceOverdue(Admin, customer, daysOverdue: 30);

        await RunCheck(Admin, asOf: "2026-03-01");

        Assert.Equal("active", await Status(Admin, customer));
    }
}
