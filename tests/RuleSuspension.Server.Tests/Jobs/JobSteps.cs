using System.Net;
using System.Text.Json;
using RuleSuspension.Server.Tests.Infrastructure;
using static RuleSuspension.Server.Tests.Infrastructure.Api;

namespace RuleSuspension.Server.Tests.Jobs;

/// <summary>Readable steps over the customer, invoice and job API for the overdue-check specs.</summary>
internal static class JobSteps
{
    /// <summary>The check's clock in most specs: invoices are due relative to it.</summary>
    public static readonly DateOnly AsOf = new(2026, 3, 1);

    public static async Task<string> Customer(HttpClient client, string tenantId = "t-1", string planId = "pro", bool exempt = false)
    {
        var id = "c-" + Guid.NewGuid().ToString("N")[..10];
        await Expect(await client.PutJson($"/api/customers/{id}", new
        {
            name = "Overdue Co " + id, email = $"billing@{id}.test", tenantId, planId, tags = Array.Empty<string>(),
            identityVerified = true, exempt, accountManagers = new[] { "am@host.test" }, reason = exempt ? "Agreed payment plan" : null,
        }), HttpStatusCode.Created);
        return id;
    }

    /// <summary>An invoice of <paramref name="amount"/> due <paramref name="daysOverdue"/> days before <see cref="AsOf"/>.</summary>
    public static async Task<string> InvoiceOverdue(HttpClient client, string customerId, int daysOverdue, decimal amount = 120m, DateTimeOffset? paidAt = null, DateOnly? asOf = null)
    {
        var id = "inv-" + Guid.NewGuid().ToString("N")[..10];
        var due = (asOf ?? AsOf).AddDays(-daysOverdue);
        await Expect(await client.PutJson($"/api/invoices/{id}", new
        {
            customerId, amount, currency = "EUR", issuedAt = due.AddDays(-30).ToString("yyyy-MM-dd"), dueDate = due.ToString("yyyy-MM-dd"), paidAt,
        }), HttpStatusCode.Created);
        return id;
    }

    /// <summary>Asks for a check (202 with a run id) and waits until the run finished; answers the run.</summary>
    public static async Task<JsonElement> RunCheck(HttpClient client, string asOf = "2026-03-01")
    {
        var accepted = await Expect(await client.PostJson("/api/jobs/overdue-check/run", new { asOf }), HttpStatusCode.Accepted);
        return await WaitForRun(client, accepted.GetProperty("runId").GetString()!);
    }

    public static async Task<JsonElement> WaitForRun(HttpClient client, string runId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var run = await Get(client, $"/api/jobs/runs/{runId}");
            if (run.GetProperty("status").GetString() is not ("queued" or "running"))
            {
                return run;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Run {runId} did not finish in time: {run}");
            await Task.Delay(100);
        }
    }

    public static async Task<string> Status(HttpClient client, string customerId)
        => (await Get(client, $"/api/customers/{customerId}")).GetProperty("status").GetString()!;
}
