using System.Net;
using System.Text.Json;
using RuleSuspension.Server.Tests.Infrastructure;
using static RuleSuspension.Server.Tests.Infrastructure.Api;

namespace RuleSuspension.Server.Tests.Customers;

public class CustomerApiSpecs(TestServer server) : IClassFixture<TestServer>
{
    [Fact]
    public async Task Put_then_get_returns_the_customer()
    {
        var client = server.Client();

        var id = await CreateCustomer(client);
        var customer = await Get(client, $"/api/customers/{id}");

        Assert.Equal("Acme " + id, customer.GetProperty("name").GetString());
        Assert.Equal("t-1", customer.GetProperty("tenantId").GetString());
        Assert.Equal("active", customer.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, customer.GetProperty("suspension").ValueKind);
    }

    [Fact]
    public async Task Put_without_name_names_the_field()
    {
        var response = await server.Client().PutJson("/api/customers/c-noname", new { email = "x@y.test", tenantId = "t-1" });

        var problem = await ExpectProblem(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task Unknown_customer_is_a_404_problem()
    {
        var response = await server.Client().GetAsync("/api/customers/nobody");

        var problem = await ExpectProblem(response, HttpStatusCode.NotFound);
        Assert.Contains("nobody", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Access_of_an_active_customer_is_full()
    {
        var client = server.Client();
        var id = await CreateCustomer(client);

        var access = await Get(client, $"/api/customers/{id}/access");

        Assert.False(access.GetProperty("suspended").GetBoolean());
        Assert.True(access.GetProperty("isActiveUser").GetBoolean());
        Assert.Equal("full", access.GetProperty("portal").GetString());
        Assert.Equal(JsonValueKind.Null, access.GetProperty("message").ValueKind);
    }

    [Fact]
    public async Task Invoice_put_is_stored_and_answered()
    {
        var client = server.Client();
        var id = await CreateCustomer(client);

        var response = await client.PutJson("/api/invoices/inv-put-1", new { customerId = id, amount = 120.50m, currency = "eur", issuedAt = "2026-10-01", dueDate = "2026-10-15" });

        var invoice = await Expect(response, HttpStatusCode.Created);
        Assert.Equal("EUR", invoice.GetProperty("currency").GetString());
        Assert.Equal(120.50m, invoice.GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task Invoice_without_due_date_names_the_field()
    {
        var response = await server.Client().PutJson("/api/invoices/inv-bad", new { customerId = "c-1", amount = 1m, currency = "EUR", issuedAt = "2026-10-01" });

        var problem = await ExpectProblem(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("dueDate", out _));
    }
}
