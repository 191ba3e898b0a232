using System.Net;
using System.Net.Http.Json;
using RuleSuspension.Domain.Access;
using RuleSuspension.Server.Tests.Infrastructure;
using static RuleSuspension.Server.Tests.Infrastructure.Api;

namespace RuleSuspension.Server.Tests.Security;

/// <summary>
/// Every route checks the caller's key: no key is 401, a role that may not use the route is 403 (one test per
/// route), and a refused request changes nothing.
/// </summary>
public class AuthorizationSpecs(TestServer server) : IClassFixture<TestServer>
{
    private const string Customer = "c-auth";

    public static TheoryData<string, string> Routes => new()
    {
        { "POST", "/api/events" },
        { "PUT", $"/api/customers/{Customer}" },
        { "GET", "/api/customers" },
        { "GET", $"/api/customers/{Customer}" },
        { "GET", $"/api/customers/{Customer}/access" },
        { "POST", $"/api/customers/{Customer}/suspensions" },
        { "POST", $"/api/customers/{Customer}/suspensions/current/lift" },
        { "GET", $"/api/customers/{Customer}/suspensions" },
        { "PUT", "/api/invoices/inv-auth" },
        { "GET", "/api/audit" },
        { "POST", "/api/keys" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task No_key_is_401(string method, string url)
    {
        var response = await server.Client(role: null).SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { }) });

        await ExpectProblem(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Unknown_key_is_401()
    {
        var client = server.Client(role: null);
        client.DefaultRequestHeaders.Add("X-Api-Key", "rsk_not-a-real-key");

        await ExpectProblem(await client.GetAsync($"/api/customers/{Customer}"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Posting_events_is_forbidden_to_viewers() => await ExpectForbidden(Role.Viewer, "POST", "/api/events");

    [Fact]
    public async Task Putting_customers_is_forbidden_to_finance() => await ExpectForbidden(Role.Finance, "PUT", $"/api/customers/{Customer}");

    [Fact]
    public async Task Suspending_is_forbidden_to_integration() => await ExpectForbidden(Role.Integration, "POST", $"/api/customers/{Customer}/suspensions");

    [Fact]
    public async Task Suspending_is_forbidden_to_finance() => await ExpectForbidden(Role.Finance, "POST", $"/api/customers/{Customer}/suspensions");

    [Fact]
    public async Task Lifting_is_forbidden_to_admins() => await ExpectForbidden(Role.Admin, "POST", $"/api/customers/{Customer}/suspensions/current/lift");

    [Fact]
    public async Task Putting_invoices_is_forbidden_to_viewers() => await ExpectForbidden(Role.Viewer, "PUT", "/api/invoices/inv-auth");

    [Fact]
    public async Task Reading_the_audit_is_forbidden_to_integration() => await ExpectForbidden(Role.Integration, "GET", "/api/audit");

    [Fact]
    public async Task Creating_keys_is_forbidden_to_admins() => await ExpectForbidden(Role.Admin, "POST", "/api/keys");

    [Theory]
    [InlineData("/api/customers")]
    [InlineData($"/api/customers/{Customer}")]
    [InlineData($"/api/customers/{Customer}/access")]
    [InlineData($"/api/customers/{Customer}/suspensions")]
    public async Task Reading_customers_is_open_to_every_role(string url)
    {
        await server.Client().PutJson($"/api/customers/{Customer}", new { name = "Auth Co", email = "auth@co.test", tenantId = "t-1" });
        foreach (var role in Enum.GetValues<Role>())
        {
            var response = await server.Client(role).GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role} got {(int)response.StatusCode} on {url}");
        }
    }

    [Fact]
    public async Task Super_admin_creates_a_key_that_works_with_its_role()
    {
        var created = await Expect(await server.Client().PostJson("/api/keys", new { role = "Finance", name = "finance-bot" }), HttpStatusCode.Created);
        var client = server.Client(role: null);
        client.DefaultRequestHeaders.Add("X-Api-Key", created.GetProperty("key").GetString());

        await Expect(await client.GetAsync("/api/audit"), HttpStatusCode.OK);
        await ExpectProblem(await client.PostJson($"/api/customers/{Customer}/suspensions", new { reasonCode = "other", reasonText = "x" }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Key_with_an_unknown_role_is_400_naming_role()
    {
        var problem = await ExpectProblem(await server.Client().PostJson("/api/keys", new { role = "Overlord", name = "x" }), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("role", out _));
    }

    [Fact]
    public async Task Health_needs_no_key_and_checks_the_database()
    {
        var health = await Expect(await server.Client(role: null).GetAsync("/health"), HttpStatusCode.OK);

        Assert.Equal("up", health.GetProperty("database").GetString());
    }

    [Fact]
    public async Task OpenApi_document_lists_the_routes()
    {
        var document = await Expect(await server.Client(role: null).GetAsync("/openapi/v1.json"), HttpStatusCode.OK);

        Assert.True(document.GetProperty("paths").TryGetProperty("/api/customers/{id}/suspensions/current/lift", out _));
    }

    private async Task ExpectForbidden(Role role, string method, string url)
    {
        var response = await server.Client(role).SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { }) });

        await ExpectProblem(response, HttpStatusCode.Forbidden);
    }
}
