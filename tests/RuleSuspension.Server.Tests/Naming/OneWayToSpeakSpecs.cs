using System.Net;
using RuleSuspension.Domain.Access;
using RuleSuspension.Server.Tests.Infrastructure;
using static RuleSuspension.Server.Tests.Infrastructure.Api;
using static RuleSuspension.Server.Tests.Workflows.WorkflowSteps;

namespace RuleSuspension.Server.Tests.Naming;

/// <summary>
/// DESIGN §8: a person's written reason is <c>reason</c> in every request body; enumerated values are matched in any
/// case but whole (never numbers or combinations); validation answers every error it finds at once.
/// </summary>
public class OneWayToSpeakSpecs(TestServer server) : IClassFixture<TestServer>
{
    private HttpClient Admin => server.Client(Role.Admin);

    private HttpClient SuperAdmin => server.Client();

    private async Task<SuspendedCustomer> SuspendedWithLiftTask()
    {
        var id = NewCustomerId();
        await Accept(server.Client(Role.Integration), SignUp(id, identityVerified: false));
        return new SuspendedCustomer(id, await OpenLiftTask(SuperAdmin, id));
    }

    private sealed record SuspendedCustomer(string CustomerId, System.Text.Json.JsonElement LiftTask);

    [Fact]
    public async Task A_manual_suspension_takes_its_written_reason_as_reason()
    {
        var id = await CreateCustomer(Admin);

        var suspension = await Expect(await Admin.PostJson($"/api/customers/{id}/suspensions", new { reasonCode = "investigation", reason = "Chargeback storm" }), HttpStatusCode.Created);

        Assert.Equal("Chargeback storm", suspension.GetProperty("reasonText").GetString());
    }

    [Fact]
    public async Task A_manual_suspension_still_reads_reasonText_from_older_clients()
    {
        var id = await CreateCustomer(Admin);

        var suspension = await Expect(await Admin.PostJson($"/api/customers/{id}/suspensions", new { reasonCode = "investigation", reasonText = "Chargeback storm" }), HttpStatusCode.Created);

        Assert.Equal("Chargeback storm", suspension.GetProperty("reasonText").GetString());
    }

    [Fact]
    public async Task A_manual_suspension_with_two_different_reasons_is_refused()
    {
        var id = await CreateCustomer(Admin);

        var problem = await ExpectProblem(await Admin.PostJson($"/api/customers/{id}/suspensions", new { reasonCode = "investigation", reason = "One", reasonText = "Another" }), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal("active", await Status(Admin, id));
    }

    [Theory]
    [InlineData("lift")]
    [InlineData("LIFT")]
    [InlineData("Lift")]
    public async Task A_task_outcome_is_matched_in_any_case(string outcome)
    {
        var (customerId, task) = await SuspendedWithLiftTask();

        var completed = await Expect(await CompleteTask(SuperAdmin, task, outcome), HttpStatusCode.OK);

        Assert.Equal("Lift", completed.GetProperty("outcome").GetString());
        Assert.Equal("active", await Status(SuperAdmin, customerId));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("Lif")]
    [InlineData("Lift,Keep")]
    [InlineData(" Lift")]
    public async Task A_task_outcome_that_is_not_a_whole_name_is_refused(string outcome)
    {
        var (customerId, task) = await SuspendedWithLiftTask();

        var problem = await ExpectProblem(await CompleteTask(SuperAdmin, task, outcome), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("outcome", out _));
        Assert.Equal("suspended", await Status(SuperAdmin, customerId));
    }

    [Fact]
    public async Task A_reason_code_is_matched_in_any_case_and_kept_as_spelled()
    {
        var id = await CreateCustomer(Admin);

        var suspension = await Expect(await Suspend(Admin, id, reasonCode: "Non-Payment"), HttpStatusCode.Created);

        Assert.Equal("non-payment", suspension.GetProperty("reasonCode").GetString());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("non-payment,crm")]
    [InlineData("nonpayment")]
    public async Task A_reason_code_that_is_not_a_whole_name_is_refused(string reasonCode)
    {
        var id = await CreateCustomer(Admin);

        var problem = await ExpectProblem(await Suspend(Admin, id, reasonCode: reasonCode), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("reasonCode", out _));
    }

    [Fact]
    public async Task A_task_status_filter_is_matched_in_any_case_and_never_as_a_number()
    {
        var (customerId, _) = await SuspendedWithLiftTask();

        Assert.Single(await Tasks(SuperAdmin, customerId, "OPEN"));
        await ExpectProblem(await SuperAdmin.GetAsync($"/api/tasks?customerId={customerId}&status=0"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Workflow_validation_without_a_start_still_reports_every_other_error()
    {
        var body = new
        {
            id = "no-start",
            name = "No start",
            activities = new object[]
            {
                new { id = "check", type = "If", properties = new { condition = "customer.exempt &&" } },
                new { id = "lift", type = "LiftSuspension" },
                new { id = "odd", type = "Teleport" },
            },
            connections = new object[] { new { from = "check", outcome = "True", to = "lift" }, new { from = "check", outcome = "False", to = "odd" } },
        };

        var result = await Expect(await Admin.PostJson("/api/workflows/validate", body), HttpStatusCode.OK);

        var errors = result.GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("path").GetString() == "$.start");
        Assert.Contains(errors, e => e.GetProperty("path").GetString() == "$.activities[0].properties.condition");
        Assert.Contains(errors, e => e.GetProperty("path").GetString() == "$.activities[2].type");
        Assert.Contains(errors, e => e.GetProperty("activityId").GetString() == "lift" && e.GetProperty("message").GetString()!.Contains("HumanTask"));
    }
}
