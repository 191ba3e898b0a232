using Microsoft.EntityFrameworkCore;
using System.Net;
using RuleSuspension.Domain.Access;
using RuleSuspension.Server.Tests.Infrastructure;
using static RuleSuspension.Server.Tests.Infrastructure.Api;
using static RuleSuspension.Server.Tests.Workflows.WorkflowSteps;

namespace RuleSuspension.Server.Tests.Workflows;

/// <summary>The task inbox: who may complete a task, and how a lift ends the same suspension by either route.</summary>
public sealed class TaskSpecs(TestServer server) : IClassFixture<TestServer>
{
    private HttpClient Integration => server.Client(Role.Integration);

    private HttpClient SuperAdmin => server.Client();

    private async Task<string> SuspendedSignUp()
    {
        var id = NewCustomerId();
        await Accept(Integration, SignUp(id, identityVerified: false));
        return id;
    }

    [Fact]
    public async Task The_inbox_lists_a_lift_task_with_its_suspension()
    {
        var id = await SuspendedSignUp();

        var task = await OpenLiftTask(SuperAdmin, id);

        var suspension = (await Customer(SuperAdmin, id)).GetProperty("suspension");
        Assert.Equal(suspension.GetProperty("id").GetString(), task.GetProperty("suspensionId").GetString());
        Assert.Equal("SuperAdmin", task.GetProperty("role").GetString());
        Assert.Equal(["Lift", "Keep"], task.GetProperty("outcomes").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal("open", task.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKindNull, task.GetProperty("workflowInstanceId").ValueKind);
    }

    [Fact]
    public async Task Completing_a_task_needs_a_reason()
    {
        var id = await SuspendedSignUp();

        var problem = await ExpectProblem(await CompleteTask(SuperAdmin, await OpenLiftTask(SuperAdmin, id), "Lift", reason: "  "), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal("suspended", await Status(SuperAdmin, id));
    }

    [Fact]
    public async Task Completing_a_lift_task_needs_the_tasks_role()
    {
        var id = await SuspendedSignUp();

        await ExpectProblem(await CompleteTask(server.Client(Role.Admin), await OpenLiftTask(SuperAdmin, id), "Lift"), HttpStatusCode.Forbidden);

        Assert.Equal("suspended", await Status(SuperAdmin, id));
        Assert.Single(await Tasks(SuperAdmin, id, "open"));
    }

    [Fact]
    public async Task An_outcome_the_task_does_not_offer_is_refused()
    {
        var id = await SuspendedSignUp();

        await ExpectProblem(await CompleteTask(SuperAdmin, await OpenLiftTask(SuperAdmin, id), "Maybe"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_completed_task_cannot_be_completed_again()
    {
        var id = await SuspendedSignUp();
        var task = await OpenLiftTask(SuperAdmin, id);
        await Expect(await CompleteTask(SuperAdmin, task, "Keep", "Not yet."), HttpStatusCode.OK);

        await ExpectProblem(await CompleteTask(SuperAdmin, task, "Lift"), HttpStatusCode.Conflict);

        Assert.Equal("suspended", await Status(SuperAdmin, id));
    }

    [Fact]
    public async Task Lifting_through_the_customer_route_also_completes_the_open_lift_task()
    {
        var id = await SuspendedSignUp();

        await Expect(await Lift(SuperAdmin, id, "Called the customer."), HttpStatusCode.OK);

        var task = Assert.Single(await Tasks(SuperAdmin, id));
        Assert.Equal(("completed", "Lift", "Called the customer."), (task.GetProperty("status").GetString(), task.GetProperty("outcome").GetString(), task.GetProperty("reason").GetString()));
        var instance = await Instance(SuperAdmin, id, "signup-identity-check");
        Assert.Equal("completed", instance.GetProperty("status").GetString());
        Assert.Contains("lift:Done", Path(instance));
        Assert.Equal("active", await Status(SuperAdmin, id));
        Assert.Single(await Get(SuperAdmin, $"/api/customers/{id}/suspensions").ContinueWith(t => t.Result.EnumerateArray().ToList()));
    }

    [Fact]
    public async Task Lifting_a_workflow_suspension_through_the_customer_route_announces_it_once()
    {
        var id = await SuspendedSignUp();

        await Expect(await Lift(SuperAdmin, id, "Called the customer."), HttpStatusCode.OK);

        var types = await server.InScopeAsync(db => db.Outbox.Where(m => m.CustomerId == id).Select(m => m.Type).ToListAsync());
        Assert.Single(types, t => t == "customer.reactivated");
    }

    [Fact]
    public async Task The_inbox_filters_by_status()
    {
        var id = await SuspendedSignUp();
        await Expect(await CompleteTask(SuperAdmin, await OpenLiftTask(SuperAdmin, id), "Lift"), HttpStatusCode.OK);

        Assert.Empty(await Tasks(SuperAdmin, id, "open"));
        Assert.Single(await Tasks(SuperAdmin, id, "completed"));
    }

    [Fact]
    public async Task Integration_keys_cannot_read_the_inbox()
    {
        await ExpectProblem(await Integration.GetAsync("/api/tasks"), HttpStatusCode.Forbidden);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
