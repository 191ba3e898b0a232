using System.Net;
using RuleSuspension.Server.Tests.Infrastructure;
using static RuleSuspension.Server.Tests.Infrastructure.Api;

namespace RuleSuspension.Server.Tests;

public class RestartSpecs(TestServer server) : IClassFixture<TestServer>
{
    [Fact]
    public async Task A_restart_keeps_customers_suspensions_and_audit()
    {
        var id = await CreateCustomer(server.Client());
        await Expect(await Suspend(server.Client(), id, "investigation", "Kept across restarts"), HttpStatusCode.Created);

        await server.RestartAsync();

        var customer = await Get(server.Client(), $"/api/customers/{id}");
        Assert.Equal("suspended", customer.GetProperty("status").GetString());
        Assert.Equal("Kept across restarts", customer.GetProperty("suspension").GetProperty("reasonText").GetString());
        Assert.Equal(2, (await Get(server.Client(), $"/api/audit?customerId={id}")).GetArrayLength());
    }
}
