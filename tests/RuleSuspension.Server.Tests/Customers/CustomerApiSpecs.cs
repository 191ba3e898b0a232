using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RuleSuspension.Server.Tests.Infrastructure;

namespace RuleSuspension.Server.Tests.Customers;

public class CustomerApiSpecs(TestServer server) : IClassFixture<TestServer>
{
    [Fact]
    public async Task Put_then_get_returns_the_customer()
    {
        var client = server.Client();

        var put = await client.PutJson("/api/customers/c-put", new { name = "Acme", email = "billing@acme.test", tenantId = "t-1", planId = "pro" });
        var customer = await client.GetFromJsonAsync<JsonElement>("/api/customers/c-put");

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal("Acme", customer.GetProperty("name").GetString());
        Assert.Equal("active", customer.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, customer.GetProperty("suspension").ValueKind);
        Assert.True(File.Exists(Path.Combine(server.DataDirectory, "admin.key")));
    }
}
