using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Access;
using RuleSuspension.Server.Tests.Infrastructure;
using static RuleSuspension.Server.Tests.Infrastructure.Api;

namespace RuleSuspension.Server.Tests.Events;

public class EventIngestionSpecs(TestServer server) : IClassFixture<TestServer>
{
    private HttpClient Integration => server.Client(Role.Integration);

    private static object SignUp(string customerId, bool identityVerified = true, string? id = null) => Event("customer.signed-up", customerId, new
    {
        customer = new { name = "New Co", email = "owner@new.test", tenantId = "t-9", planId = "starter", identityVerified, tags = new[] { "trial" }, accountManagers = new[] { "am@host.test" } },
        campaign = "autumn",
    }, id);

    private Task<(int Events, int Audit)> Counts() => server.InScopeAsync(async db => (await db.Events.CountAsync(), await db.AuditEntries.CountAsync()));

    [Fact]
    public async Task Sign_up_creates_the_customer()
    {
        var id = "c-" + Guid.NewGuid().ToString("N")[..8];

        await Expect(await PostEvent(Integration, SignUp(id)), HttpStatusCode.Accepted);

        var customer = await Get(server.Client(), $"/api/customers/{id}");
        Assert.Equal("New Co", customer.GetProperty("name").GetString());
        Assert.Equal("starter", customer.GetProperty("planId").GetString());
        Assert.Equal("trial", customer.GetProperty("tags")[0].GetString());
    }

    [Fact]
    public async Task The_same_event_id_twice_is_stored_once()
    {
        var id = "c-" + Guid.NewGuid().ToString("N")[..8];
        var envelope = SignUp(id, id: "evt-dup-" + id);

        var first = await PostEvent(Integration, envelope);
        var second = await PostEvent(Integration, envelope);

        await Expect(first, HttpStatusCode.Accepted);
        var answer = await Expect(second, HttpStatusCode.OK);
        Assert.Equal("duplicate", answer.GetProperty("status").GetString());
        Assert.Equal(1, await server.InScopeAsync(db => db.Events.CountAsync(e => e.Id == "evt-dup-" + id)));
    }

    [Fact]
    public async Task Customers_moving_at_once_to_a_plan_not_yet_stored_all_get_it()
    {
        var plan = "p-" + Guid.NewGuid().ToString("N")[..8];
        var customers = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            customers.Add(await CreateCustomer(server.Client()));
        }

        // Each event inserts the new plan unless it is stored already: on PostgreSQL the first ones race to insert it.
        var answers = await Task.WhenAll(customers.Select(id => PostEvent(Integration,
            Event("customer.plan-changed", id, new { fromPlanId = "pro", toPlan = new { id = plan, name = "Scale", requiresApproval = false } }))));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode));
        Assert.Equal(customers.Count, await server.InScopeAsync(db => db.Customers.CountAsync(c => customers.Contains(c.Id) && c.PlanId == plan)));
    }

    [Fact]
    public async Task Plan_change_updates_the_plan_and_the_customer()
    {
        var id = await CreateCustomer(server.Client());

        await Expect(await PostEvent(Integration, Event("customer.plan-changed", id, new { fromPlanId = "pro", toPlan = new { id = "enterprise", name = "Enterprise", requiresApproval = true } })), HttpStatusCode.Accepted);

        Assert.Equal("enterprise", (await Get(server.Client(), $"/api/customers/{id}")).GetProperty("planId").GetString());
        Assert.True(await server.InScopeAsync(db => db.Plans.AnyAsync(p => p.Id == "enterprise" && p.RequiresApproval)));
    }

    [Fact]
    public async Task Opportunity_added_is_stored()
    {
        var id = await CreateCustomer(server.Client());
        var opportunityId = "opp-" + id;

        await Expect(await PostEvent(Integration, Event("crm.opportunity-added", id, new { opportunityId, boardId = "b-1", boardName = "Collections", stage = "Deactivate Account", value = 990m })), HttpStatusCode.Accepted);

        Assert.True(await server.InScopeAsync(db => db.Opportunities.AnyAsync(o => o.Id == opportunityId && o.Stage == "Deactivate Account")));
    }

    [Fact]
    public async Task Opportunity_added_again_moves_the_stored_opportunity()
    {
        var id = await CreateCustomer(server.Client());
        var opportunityId = "opp-" + id;
        await Expect(await PostEvent(Integration, Event("crm.opportunity-added", id, new { opportunityId, boardId = "b-1", boardName = "Collections", stage = "Contacted", value = 990m })), HttpStatusCode.Accepted);

        await Expect(await PostEvent(Integration, Event("crm.opportunity-added", id, new { opportunityId, boardId = "b-1", boardName = "Collections", stage = "Promise to Pay", value = 450m })), HttpStatusCode.Accepted);

        var opportunity = await server.InScopeAsync(db => db.Opportunities.SingleAsync(o => o.Id == opportunityId));
        Assert.Equal(("Promise to Pay", 450m), (opportunity.Stage, opportunity.Value));
    }

    [Fact]
    public async Task Plan_change_to_a_stored_plan_updates_that_plan()
    {
        var plan = "p-" + Guid.NewGuid().ToString("N")[..8];
        var first = await CreateCustomer(server.Client());
        var second = await CreateCustomer(server.Client());
        await Expect(await PostEvent(Integration, Event("customer.plan-changed", first, new { fromPlanId = "pro", toPlan = new { id = plan, name = "Scale", requiresApproval = false } })), HttpStatusCode.Accepted);

        await Expect(await PostEvent(Integration, Event("customer.plan-changed", second, new { fromPlanId = "pro", toPlan = new { id = plan, name = "Scale 2", requiresApproval = false } })), HttpStatusCode.Accepted);

        Assert.Equal("Scale 2", await server.InScopeAsync(db => db.Plans.Where(p => p.Id == plan).Select(p => p.Name).SingleAsync()));
        Assert.Equal(2, await server.InScopeAsync(db => db.Customers.CountAsync(c => (c.Id == first || c.Id == second) && c.PlanId == plan)));
    }

    [Fact]
    public async Task Invoice_issued_again_updates_the_stored_invoice()
    {
        var id = await CreateCustomer(server.Client());
        var invoiceId = "inv-" + id;
        await Expect(await PostEvent(Integration, Event("invoice.issued", id, new { invoiceId, amount = 49.90m, currency = "EUR", issuedAt = "2026-10-01", dueDate = "2026-10-31" })), HttpStatusCode.Accepted);

        await Expect(await PostEvent(Integration, Event("invoice.issued", id, new { invoiceId, amount = 59.90m, currency = "EUR", issuedAt = "2026-10-01", dueDate = "2026-11-15" })), HttpStatusCode.Accepted);

        var invoice = await server.InScopeAsync(db => db.Invoices.SingleAsync(i => i.Id == invoiceId));
        Assert.Equal((59.90m, new DateOnly(2026, 11, 15)), (invoice.Amount, invoice.DueDate));
    }

    [Fact]
    public async Task Invoice_issued_then_paid_updates_the_invoice()
    {
        var id = await CreateCustomer(server.Client());
        var invoiceId = "inv-" + id;

        await Expect(await PostEvent(Integration, Event("invoice.issued", id, new { invoiceId, amount = 49.90m, currency = "EUR", issuedAt = "2026-10-01", dueDate = "2026-10-31" })), HttpStatusCode.Accepted);
        await Expect(await PostEvent(Integration, Event("invoice.paid", id, new { invoiceId, paidAt = "2026-11-02T10:00:00Z" })), HttpStatusCode.Accepted);

        var invoice = await server.InScopeAsync(db => db.Invoices.SingleAsync(i => i.Id == invoiceId));
        Assert.Equal(49.90m, invoice.Amount);
        Assert.True(invoice.IsPaid);
    }

    [Fact]
    public async Task Identity_verified_marks_the_customer_verified()
    {
        var id = "c-" + Guid.NewGuid().ToString("N")[..8];
        await Expect(await PostEvent(Integration, SignUp(id, identityVerified: false)), HttpStatusCode.Accepted);

        await Expect(await PostEvent(Integration, Event("identity.verified", id, new { })), HttpStatusCode.Accepted);

        Assert.True((await Get(server.Client(), $"/api/customers/{id}")).GetProperty("identityVerified").GetBoolean());
    }

    [Fact]
    public async Task Malformed_json_is_400_with_line_and_column_and_writes_nothing()
    {
        var before = await Counts();

        var response = await Integration.PostAsync("/api/events", new StringContent("{\n  \"id\": \"e-1\",\n  \"type\": ", Encoding.UTF8, "application/json"));

        var problem = await ExpectProblem(response, HttpStatusCode.BadRequest);
        Assert.Equal(3, problem.GetProperty("line").GetInt32());
        Assert.True(problem.GetProperty("column").GetInt32() > 0);
        Assert.Equal(before, await Counts());
    }

    [Fact]
    public async Task Unknown_event_type_is_400_naming_type_and_writes_nothing()
    {
        var before = await Counts();

        var response = await PostEvent(Integration, Event("customer.teleported", "c-1", new { }));

        var problem = await ExpectProblem(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("type", out _));
        Assert.Equal(before, await Counts());
    }

    [Fact]
    public async Task Missing_customer_id_is_400_naming_it_and_writes_nothing()
    {
        var before = await Counts();

        var response = await PostEvent(Integration, new { id = "evt-no-customer", type = "identity.verified", occurredAt = DateTimeOffset.UtcNow, data = new { } });

        var problem = await ExpectProblem(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("customerId", out _));
        Assert.Equal(before, await Counts());
    }

    [Fact]
    public async Task Missing_data_field_is_400_naming_its_path()
    {
        var response = await PostEvent(Integration, Event("invoice.issued", "c-1", new { invoiceId = "i-1", currency = "EUR", issuedAt = "2026-10-01", dueDate = "2026-10-31" }));

        var problem = await ExpectProblem(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("data.amount", out _));
    }

    [Fact]
    public async Task Event_for_an_unknown_customer_is_refused_and_writes_nothing()
    {
        var before = await Counts();

        var response = await PostEvent(Integration, Event("identity.verified", "c-never-seen", new { }));

        var problem = await ExpectProblem(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("customerId", out _));
        Assert.Equal(before, await Counts());
    }

    [Fact]
    public async Task Body_over_one_megabyte_is_413_and_writes_nothing()
    {
        var before = await Counts();
        var padding = new string('x', 1024 * 1024 + 1);

        var response = await PostEvent(Integration, Event("identity.verified", "c-1", new { padding }));

        await ExpectProblem(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await Counts());
    }

    [Fact]
    public async Task Extra_data_fields_are_kept()
    {
        var id = "c-" + Guid.NewGuid().ToString("N")[..8];
        var eventId = "evt-extra-" + id;

        await Expect(await PostEvent(Integration, SignUp(id, id: eventId)), HttpStatusCode.Accepted);

        var stored = await server.InScopeAsync(db => db.Events.SingleAsync(e => e.Id == eventId));
        Assert.Contains("\"campaign\":\"autumn\"", stored.Data);
    }
}
