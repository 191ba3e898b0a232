using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuleSuspension.Application.Workflows;
using RuleSuspension.Domain.Access;
using RuleSuspension.Server.Tests.Infrastructure;
using static RuleSuspension.Server.Tests.Infrastructure.Api;
using static RuleSuspension.Server.Tests.Workflows.WorkflowSteps;

namespace RuleSuspension.Server.Tests.Workflows;

/// <summary>The four shipped workflows, end to end over HTTP.</summary>
public sealed class ShippedWorkflowSpecs(TestServer server) : IClassFixture<TestServer>
{
    private HttpClient Integration => server.Client(Role.Integration);

    private HttpClient SuperAdmin => server.Client();

    [Fact]
    public async Task The_four_shipped_workflows_are_published_at_start()
    {
        var workflows = (await Get(SuperAdmin, "/api/workflows")).EnumerateArray().ToList();

        foreach (var id in new[] { "crm-opportunity", "overdue-invoices", "plan-change-approval", "signup-identity-check" })
        {
            var workflow = Assert.Single(workflows, w => w.GetProperty("id").GetString() == id);
            Assert.Equal("published", workflow.GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task Signup_unverified_is_suspended_and_stays_so_after_identity_verified_until_a_person_lifts_it()
    {
        var id = NewCustomerId();

        await Accept(Integration, SignUp(id, identityVerified: false));
        var suspended = await Customer(SuperAdmin, id);
        Assert.Equal("suspended", suspended.GetProperty("status").GetString());
        Assert.Equal("identity-check", suspended.GetProperty("suspension").GetProperty("reasonCode").GetString());
        Assert.StartsWith("workflow:signup-identity-check@", suspended.GetProperty("suspension").GetProperty("decidedBy").GetString());

        await Accept(Integration, Event("identity.verified", id, new { }));
        Assert.Equal("suspended", await Status(SuperAdmin, id));

        var task = await OpenLiftTask(SuperAdmin, id);
        Assert.Equal("Review identity and lift", task.GetProperty("title").GetString());
        await Expect(await CompleteTask(SuperAdmin, task, "Lift"), HttpStatusCode.OK);

        Assert.Equal("active", await Status(SuperAdmin, id));
        var history = await Get(SuperAdmin, $"/api/customers/{id}/suspensions");
        Assert.Equal("Checked the passport in person.", history[0].GetProperty("liftReason").GetString());
        Assert.Contains("SuperAdmin", history[0].GetProperty("liftedBy").GetString());
        var instance = await Instance(SuperAdmin, id, "signup-identity-check");
        Assert.Equal("completed", instance.GetProperty("status").GetString());
        Assert.Equal(["evaluate:Suspend", "suspend:Suspended", "notify-suspended:Done", "review:waiting", "review:Lift", "lift:Done", "notify-reactivated:Done", "end:Done"], Path(instance));
    }

    [Fact]
    public async Task The_journal_explains_why_the_rule_set_decided_to_suspend()
    {
        var id = NewCustomerId();

        await Accept(Integration, SignUp(id, identityVerified: false));

        var instance = await Instance(SuperAdmin, id, "signup-identity-check");
        var evaluate = instance.GetProperty("journal").EnumerateArray().First(e => e.GetProperty("activityId").GetString() == "evaluate");
        var rules = evaluate.GetProperty("summary").GetProperty("explanation").GetProperty("rules").EnumerateArray().ToList();
        var fired = Assert.Single(rules, r => r.GetProperty("fired").GetBoolean() && r.GetProperty("rule").GetString()!.Contains("identity"));
        var term = Assert.Single(fired.GetProperty("terms").EnumerateArray(), t => t.GetProperty("expression").GetString() == "customer.identityVerified");
        Assert.False(term.GetProperty("value").GetBoolean());
    }

    [Fact]
    public async Task Signup_verified_is_not_suspended()
    {
        var id = NewCustomerId();

        await Accept(Integration, SignUp(id, identityVerified: true));

        Assert.Equal("active", await Status(SuperAdmin, id));
        Assert.Empty(await Tasks(SuperAdmin, id));
        Assert.Equal(["evaluate:None", "end:Done"], Path(await Instance(SuperAdmin, id, "signup-identity-check")));
    }

    [Fact]
    public async Task A_suspension_writes_outbox_messages_for_the_host()
    {
        var id = NewCustomerId();

        await Accept(Integration, SignUp(id, identityVerified: false));

        var types = await server.InScopeAsync(db => db.Outbox.Where(m => m.CustomerId == id).Select(m => m.Type).ToListAsync());
        Assert.Equal(["customer.suspended", "task.created"], types.Order());
    }

    [Fact]
    public async Task Keeping_the_suspension_leaves_the_customer_suspended()
    {
        var id = NewCustomerId();
        await Accept(Integration, SignUp(id, identityVerified: false));

        await Expect(await CompleteTask(SuperAdmin, await OpenLiftTask(SuperAdmin, id), "Keep", "The documents are forged."), HttpStatusCode.OK);

        Assert.Equal("suspended", await Status(SuperAdmin, id));
        Assert.Equal("completed", (await Instance(SuperAdmin, id, "signup-identity-check")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Plan_change_to_a_plan_needing_approval_is_suspended_until_approved()
    {
        var id = await CreateCustomer(SuperAdmin);

        await Accept(Integration, Event("customer.plan-changed", id, new { fromPlanId = "pro", toPlan = new { id = "enterprise", name = "Enterprise", requiresApproval = true } }));

        var customer = await Customer(SuperAdmin, id);
        Assert.Equal("plan-approval", customer.GetProperty("suspension").GetProperty("reasonCode").GetString());
        var task = await OpenLiftTask(SuperAdmin, id);
        Assert.Equal("plan-approval", task.GetProperty("reasonCode").GetString());
        await Expect(await CompleteTask(SuperAdmin, task, "Lift", "Contract signed."), HttpStatusCode.OK);
        Assert.Equal("active", await Status(SuperAdmin, id));
    }

    [Fact]
    public async Task Plan_change_to_an_ordinary_plan_is_not_suspended()
    {
        var id = await CreateCustomer(SuperAdmin);

        await Accept(Integration, Event("customer.plan-changed", id, new { fromPlanId = "pro", toPlan = new { id = "team", name = "Team", requiresApproval = false } }));

        Assert.Equal("active", await Status(SuperAdmin, id));
    }

    [Fact]
    public async Task Crm_opportunity_entering_Deactivate_Account_is_suspended()
    {
        var id = await CreateCustomer(SuperAdmin);

        await Accept(Integration, Opportunity(id, "Deactivate Account"));

        var customer = await Customer(SuperAdmin, id);
        Assert.Equal("crm", customer.GetProperty("suspension").GetProperty("reasonCode").GetString());
        Assert.Single(await Tasks(SuperAdmin, id, "open"));
    }

    [Fact]
    public async Task Crm_opportunity_in_an_ordinary_stage_is_not_suspended()
    {
        var id = await CreateCustomer(SuperAdmin);

        await Accept(Integration, Opportunity(id, "Negotiation"));

        Assert.Equal("active", await Status(SuperAdmin, id));
        Assert.Equal(["evaluate:None", "end:Done"], Path(await Instance(SuperAdmin, id, "crm-opportunity")));
    }

    [Fact]
    public async Task An_exempt_customer_is_never_suspended_by_a_workflow()
    {
        var id = await CreateCustomer(SuperAdmin, exempt: true);

        await Accept(Integration, Opportunity(id, "Deactivate Account"));

        Assert.Equal("active", await Status(SuperAdmin, id));
    }

    [Fact]
    public async Task Overdue_invoices_warn_from_the_warning_days()
    {
        var id = await CreateCustomer(SuperAdmin);
        await Expect(await SuperAdmin.PutJson($"/api/invoices/inv-{id}", new { customerId = id, amount = 120.50m, currency = "EUR", issuedAt = "2026-01-01", dueDate = "2026-01-15" }), HttpStatusCode.Created);

        var instance = await StartOverdueCheck(id, new DateOnly(2026, 1, 25));

        Assert.Equal(RuleSuspension.Workflows.Runtime.WorkflowStatus.Completed, instance.Status);
        Assert.Equal("active", await Status(SuperAdmin, id));
        Assert.True(await server.InScopeAsync(db => db.Outbox.AnyAsync(m => m.CustomerId == id && m.Type == "customer.warned")));
    }

    [Fact]
    public async Task Overdue_invoices_suspend_past_the_grace_days_and_wait_for_a_lift()
    {
        var id = await CreateCustomer(SuperAdmin);
        await Expect(await SuperAdmin.PutJson($"/api/invoices/inv-{id}", new { customerId = id, amount = 120.50m, currency = "EUR", issuedAt = "2026-01-01", dueDate = "2026-01-15" }), HttpStatusCode.Created);

        var instance = await StartOverdueCheck(id, new DateOnly(2026, 3, 1));

        Assert.Equal(RuleSuspension.Workflows.Runtime.WorkflowStatus.Waiting, instance.Status);
        Assert.Equal("non-payment", (await Customer(SuperAdmin, id)).GetProperty("suspension").GetProperty("reasonCode").GetString());
        Assert.Equal("Review the overdue invoices and lift", (await OpenLiftTask(SuperAdmin, id)).GetProperty("title").GetString());
    }

    private async Task<RuleSuspension.Workflows.Runtime.WorkflowInstance> StartOverdueCheck(string customerId, DateOnly asOf)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowStarter>().StartAsync("overdue-invoices", customerId, asOf, default);
    }
}
