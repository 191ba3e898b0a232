using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RuleSuspension.Application.Jobs;
using RuleSuspension.Domain.Access;
using RuleSuspension.Persistence;
using RuleSuspension.Server.Tests.Infrastructure;
using static RuleSuspension.Server.Tests.Jobs.JobSteps;

namespace RuleSuspension.Server.Tests.Jobs;

/// <summary>
/// The overdue check's set-based writes (<c>OverdueCheck:SetBasedWrites</c>; PostgreSQL's binary COPY) store exactly
/// the rows EF's save stores: the same check on two books seeded alike, on the same frozen clock, one each way.
/// </summary>
public class SetBasedWriteSpecs
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 6, 0, 0, TimeSpan.Zero);

    // Rows that are not the check's and differ between two servers by nature: API keys' secrets, and the catalogue's
    // change rows, stamped with the wall clock when the shipped workflows load.
    private static readonly HashSet<string> NotCompared = ["ApiKeys", "CatalogueChanges"];

    [Fact]
    public async Task A_check_stores_the_same_rows_set_based_as_through_EFs_save()
    {
        var throughEf = await RowsAfterCheckAsync(setBased: false);

        var setBased = await RowsAfterCheckAsync(setBased: true);

        StoredRows.AssertSame(throughEf, "EF's save", setBased, "set-based");

        // The check did write through the workflow: suspensions, warnings, journals and notifications are among the rows compared.
        Assert.Equal(2, setBased["Suspensions"].Count);
        Assert.NotEmpty(setBased["OverdueWarnings"]);
    }

    /// <summary>Every table's rows after one check (each row one line, sorted), ids made ordinal so that two books compare.</summary>
    private static async Task<SortedDictionary<string, List<string>>> RowsAfterCheckAsync(bool setBased)
    {
        var server = new TestServer(new Dictionary<string, string?> { ["OverdueCheck:SetBasedWrites"] = setBased.ToString() }, new FakeTimeProvider(Now));
        await server.InitializeAsync();
        try
        {
            var admin = server.Client(Role.SuperAdmin);
            foreach (var (customer, daysOverdue) in new[] { ("c-copy-1", 40), ("c-copy-2", 45), ("c-copy-3", 10), ("c-copy-4", 0) })
            {
                await Api.CreateCustomer(admin, customer);
                await InvoiceAsync(admin, $"inv-{customer}-a", customer, daysOverdue);
                await InvoiceAsync(admin, $"inv-{customer}-b", customer, daysOverdue / 2);
            }

            await using (var scope = server.Services.CreateAsyncScope())
            {
                var sender = scope.ServiceProvider.GetRequiredService<ISender>();
                var runId = await sender.Send(new RecordManualOverdueCheck(Actor.System("spec")));
                var run = await sender.Send(new RunOverdueCheck(runId, "spec"));
                Assert.Equal((2, 0), (run.Suspended, run.Failed));
            }

            return await server.InScopeAsync(db => StoredRows.ReadAsync(db, NotCompared));
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static async Task InvoiceAsync(HttpClient client, string id, string customerId, int daysOverdue)
    {
        var due = AsOf.AddDays(-daysOverdue);
        await Api.Expect(await client.PutJson($"/api/invoices/{id}", new
        {
            customerId, amount = 120m, currency = "EUR", issuedAt = due.AddDays(-30).ToString("yyyy-MM-dd"), dueDate = due.ToString("yyyy-MM-dd"), paidAt = (DateTimeOffset?)null,
        }), System.Net.HttpStatusCode.Created);
    }
}
