using System.CommandLine;
using System.Net;
using System.Text.Json;
using RuleSuspension.Domain.Access;
using RuleSuspension.Server.Cli;
using RuleSuspension.Server.Tests.Infrastructure;
using static RuleSuspension.Server.Tests.Infrastructure.Api;

namespace RuleSuspension.Server.Tests.Cli;

/// <summary>
/// <c>validate</c> runs the validation publishing runs, on the same settings and database: here a server whose
/// settings let Admin lift (<c>Suspensions:LiftingRole</c>), and the CLI pointed at its data.
/// </summary>
public sealed class ValidateAsPublishingSpecs : IAsyncLifetime
{
    private readonly TestServer _server = new(new Dictionary<string, string?> { ["Suspensions:LiftingRole"] = "Admin" });

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task A_workflow_that_publishing_refuses_is_refused_by_validate_with_the_same_errors()
    {
        var workflow = Workflow("evaluates-missing", "no-such-rule-set", "SuperAdmin");

        var published = await PublishAsync(workflow);
        var (exit, output) = await ValidateAsync(workflow);

        var refusal = await ExpectProblem(published, HttpStatusCode.BadRequest);
        var errors = refusal.GetProperty("errors").EnumerateArray().Select(e => $"{e.GetProperty("path").GetString()}: {e.GetProperty("message").GetString()}").ToList();
        Assert.Contains(errors, e => e.Contains("no-such-rule-set"));
        Assert.Equal(1, exit);
        Assert.Equal(errors, ErrorLines(output));
    }

    [Fact]
    public async Task A_lift_task_for_the_role_the_settings_let_lift_passes_validate_as_it_passes_publishing()
    {
        var workflow = Workflow("admin-lifts", "signup", "Admin");

        var published = await PublishAsync(workflow);
        var (exit, output) = await ValidateAsync(workflow);

        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.True(exit == 0, output);
    }

    private async Task<HttpResponseMessage> PublishAsync(object workflow)
    {
        var admin = _server.Client(Role.Admin);
        var id = JsonSerializer.SerializeToElement(workflow).GetProperty("id").GetString();
        await Expect(await admin.PutJson($"/api/workflows/{id}", workflow), HttpStatusCode.OK);
        return await admin.PostAsync($"/api/workflows/{id}/publish", null);
    }

    private async Task<(int Exit, string Output)> ValidateAsync(object workflow)
    {
        var file = Path.Combine(_server.DataDirectory, $"workflow-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(workflow));
        var output = new StringWriter();
        var exit = await Verbs.Root().Parse(["validate", file, .. _server.CommandLineArguments()]).InvokeAsync(new InvocationConfiguration { Output = output });
        return (exit, output.ToString());
    }

    /// <summary>The verb prints each error indented under its file as <c>path: message</c>.</summary>
    private static List<string> ErrorLines(string output)
        => output.Split('\n').Where(l => l.StartsWith("      ", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();

    /// <summary>Evaluates a rule set, suspends, and has a person of <paramref name="liftingRole"/> decide the lift.</summary>
    private static object Workflow(string id, string ruleSet, string liftingRole) => new
    {
        id = id + "-" + Guid.NewGuid().ToString("N")[..6],
        name = "Validated " + id,
        start = "evaluate",
        triggers = new object[] { new { @event = "invoice.issued", filter = "customer.id == \"nobody\"" } },
        activities = new object[]
        {
            new { id = "evaluate", type = "EvaluateRuleSet", properties = new { ruleSet } },
            new { id = "suspend", type = "SuspendCustomer" },
            new { id = "review", type = "HumanTask", properties = new { title = "Lift?", role = liftingRole } },
            new { id = "lift", type = "LiftSuspension" },
            new { id = "end", type = "End" },
        },
        connections = new object[]
        {
            new { from = "evaluate", outcome = "Suspend", to = "suspend" },
            new { from = "suspend", outcome = "Suspended", to = "review" },
            new { from = "review", outcome = "Lift", to = "lift" },
            new { from = "review", outcome = "Keep", to = "end" },
            new { from = "lift", outcome = "Done", to = "end" },
        },
    };
}
