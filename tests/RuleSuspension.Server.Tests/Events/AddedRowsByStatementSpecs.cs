using System.Net;
using Microsoft.Extensions.Time.Testing;
using RuleSuspension.Domain.Access;
using RuleSuspension.Server.Tests.Infrastructure;

namespace RuleSuspension.Server.Tests.Events;

/// <summary>
/// A customer unit of work's added rows written by the service's own prepared inserts (<c>Database:AddedRowsByStatement</c>,
/// on PostgreSQL) are exactly the rows EF's save writes: the same events and commands sent to two servers on the same
/// frozen clock, one each way, and every table compared row by row.
/// </summary>
public class AddedRowsByStatementSpecs
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 6, 0, 0, TimeSpan.Zero);

    // Not the events' rows, and different between two servers by nature: API keys' secrets, and the catalogue's change
    // rows, stamped with the wall clock when the shipped workflows load.
    private static readonly HashSet<string> NotCompared = ["ApiKeys", "CatalogueChanges"];

    [Fact]
    public async Task Events_store_the_same_rows_by_statement_as_through_EFs_save()
    {
        var throughEf = await RowsAfterStoriesAsync(byStatement: false);

        var byStatement = await RowsAfterStoriesAsync(byStatement: true);

        StoredRows.AssertSame(throughEf, "EF's save", byStatement, "by statement");
        // The stories went through the workflows: suspensions, their journals, tasks and notifications are among the rows compared.
        Assert.Equal(4, byStatement["Suspensions"].Count);
        Assert.NotEmpty(byStatement["WorkflowJournal"]);
        Assert.NotEmpty(byStatement["Outbox"]);
        Assert.NotEmpty(byStatement["AuditEntries"]);
    }

    /// <summary>Every table's rows after the load tool's kinds of stories, a repeated event and a person's suspension.</summary>
    private static async Task<SortedDictionary<string, List<string>>> RowsAfterStoriesAsync(bool byStatement)
    {
        var server = new TestServer(new Dictionary<string, string?> { ["Database:AddedRowsByStatement"] = byStatement.ToString() }, new FakeTimeProvider(Now));
        await server.InitializeAsync();
        try
        {
            var client = server.Client(Role.SuperAdmin);
            // Unverified, then three more reasons to suspend: the first one stands.
            await SendAsync(client, "c-1", "e1", "customer.signed-up", SignUp("c-1", verified: false));
            await SendAsync(client, "c-1", "e2", "customer.plan-changed", PlanChange(requiresApproval: true));
            await SendAsync(client, "c-1", "e3", "crm.opportunity-added", Opportunity("c-1-opp-1", "Deactivate Account"));
            await SendAsync(client, "c-1", "e4", "identity.verified", new { });
            // Verified, invoiced and paid, a free plan change, an overdue invoice; then a person suspends.
            await SendAsync(client, "c-2", "e1", "customer.signed-up", SignUp("c-2", verified: true));
            await SendAsync(client, "c-2", "e2", "invoice.issued", Invoice("c-2-inv-1", Now.AddDays(14)));
            await SendAsync(client, "c-2", "e3", "invoice.paid", new { invoiceId = "c-2-inv-1", paidAt = Now });
            await SendAsync(client, "c-2", "e4", "customer.plan-changed", PlanChange(requiresApproval: false));
            await SendAsync(client, "c-2", "e5", "invoice.issued", Invoice("c-2-inv-2", Now.AddDays(-45)));
            await Api.Expect(await Api.Suspend(client, "c-2"), HttpStatusCode.Created);
            // The opportunity moved to the suspending stage.
            await SendAsync(client, "c-3", "e1", "customer.signed-up", SignUp("c-3", verified: true));
            await SendAsync(client, "c-3", "e2", "crm.opportunity-added", Opportunity("c-3-opp-1", "Negotiation"));
            await SendAsync(client, "c-3", "e3", "crm.opportunity-added", Opportunity("c-3-opp-2", "Deactivate Account"));
            // Approval needed.
            await SendAsync(client, "c-4", "e1", "customer.signed-up", SignUp("c-4", verified: true));
            await SendAsync(client, "c-4", "e2", "customer.plan-changed", PlanChange(requiresApproval: true));
            // A repeat is answered as such and stores nothing.
            await SendAsync(client, "c-4", "e2", "customer.plan-changed", PlanChange(requiresApproval: true), HttpStatusCode.OK);

            return await server.InScopeAsync(db => StoredRows.ReadAsync(db, NotCompared));
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static async Task SendAsync(HttpClient client, string customerId, string id, string type, object data, HttpStatusCode expected = HttpStatusCode.Accepted)
        => await Api.Expect(await Api.PostEvent(client, new { id = $"{customerId}-{id}", type, occurredAt = Now, customerId, data }), expected);

    private static object SignUp(string customerId, bool verified) => new
    {
        customer = new
        {
            name = "Customer " + customerId, email = $"{customerId}@example.com", tenantId = "t-1", planId = "starter",
            identityVerified = verified, tags = Array.Empty<string>(), accountManagers = Array.Empty<string>(),
        },
    };

    private static object PlanChange(bool requiresApproval) => new
    {
        fromPlanId = "starter",
        toPlan = requiresApproval ? new { id = "enterprise", name = "Enterprise", requiresApproval = true } : new { id = "pro", name = "Pro", requiresApproval = false },
    };

    private static object Opportunity(string id, string stage) => new { opportunityId = id, boardId = "board-sales", boardName = "Sales", stage, value = 1200m };

    private static object Invoice(string id, DateTimeOffset due) => new
    {
        invoiceId = id, amount = 49.90m, currency = "EUR", issuedAt = due.AddDays(-14).ToString("yyyy-MM-dd"), dueDate = due.ToString("yyyy-MM-dd"),
    };
}
