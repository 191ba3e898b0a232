using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RuleSuspension.Server.Tests.Infrastructure;

/// <summary>Small, readable steps over the HTTP API for the specs.</summary>
public static class Api
{
    public static async Task<string> CreateCustomer(HttpClient client, string? id = null, bool exempt = false, string planId = "pro")
    {
        id ??= "c-" + Guid.NewGuid().ToString("N")[..10];
        var response = await client.PutJson($"/api/customers/{id}", new
        {
            name = "Acme " + id,
            email = $"billing@{id}.test",
            tenantId = "t-1",
            planId,
            tags = new[] { "smb" },
            identityVerified = true,
            exempt,
            accountManagers = new[] { "am@host.test" },
            reason = exempt ? "Agreed payment plan" : null,
        });
        await Expect(response, HttpStatusCode.Created);
        return id;
    }

    public static Task<HttpResponseMessage> Suspend(HttpClient client, string customerId, string reasonCode = "investigation", string reason = "Fraud report #12")
        => client.PostJson($"/api/customers/{customerId}/suspensions", new { reasonCode, reason });

    public static Task<HttpResponseMessage> Lift(HttpClient client, string customerId, string? reason = "Checked with the customer")
        => client.PostJson($"/api/customers/{customerId}/suspensions/current/lift", new { reason });

    public static Task<HttpResponseMessage> PostEvent(HttpClient client, object envelope) => client.PostJson("/api/events", envelope);

    public static object Event(string type, string customerId, object data, string? id = null)
        => new { id = id ?? "evt-" + Guid.NewGuid().ToString("N"), type, occurredAt = DateTimeOffset.UtcNow, customerId, data };

    public static async Task<JsonElement> Get(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        await Expect(response, HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} but got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Asserts a problem+json answer with the given status, and returns it.</summary>
    public static async Task<JsonElement> ExpectProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        var problem = await Expect(response, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
