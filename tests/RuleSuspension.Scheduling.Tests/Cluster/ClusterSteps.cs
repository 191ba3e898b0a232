using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RuleSuspension.Scheduling.Tests.Cluster;

/// <summary>API steps against a node.</summary>
internal static class ClusterSteps
{
    public static async Task<string> CreateCustomer(HttpClient client)
    {
        var id = "c-" + Guid.NewGuid().ToString("N")[..10];
        var response = await client.PutAsJsonAsync($"/api/customers/{id}", new
        {
            name = "Cluster Co " + id, email = $"billing@{id}.test", tenantId = "t-1", planId = "pro", tags = Array.Empty<string>(),
            identityVerified = true, exempt = false, accountManagers = new[] { "am@host.test" },
        });
        await Expect(response, HttpStatusCode.Created);
        return id;
    }

    public static async Task InvoiceOverdue(HttpClient client, string customerId, int daysOverdue)
    {
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-daysOverdue);
        await Expect(await client.PutAsJsonAsync($"/api/invoices/inv-{Guid.NewGuid():N}", new
        {
            customerId, amount = 99m, currency = "EUR", issuedAt = due.AddDays(-30).ToString("yyyy-MM-dd"), dueDate = due.ToString("yyyy-MM-dd"),
        }), HttpStatusCode.Created);
    }

    public static async Task<JsonElement> Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} but got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }
}
