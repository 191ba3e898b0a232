using RuleSuspension.Server.Cli;
using RuleSuspension.Server.Tests.Infrastructure;

namespace RuleSuspension.Server.Tests.Cli;

public class ValidateVerbSpecs
{
    /// <summary>The verb on a fresh data directory with the shipped workflows and rule sets, as a first start would have them.</summary>
    private static Task<int> Validate(string path) => Verbs.Root().Parse(
    [
        "validate", path, $"--Data:Directory={Path.Combine(Path.GetTempPath(), "rs-validate-" + Guid.NewGuid().ToString("N"))}",
        $"--Workflows:Directory={Path.Combine(TestServer.RepositoryRoot(), "workflows")}",
    ]).InvokeAsync();

    [Fact]
    public async Task The_shipped_workflows_and_rule_sets_validate()
    {
        Assert.Equal(0, await Validate(Path.Combine(TestServer.RepositoryRoot(), "workflows")));
    }

    [Fact]
    public async Task A_workflow_that_lifts_without_a_human_task_fails_validation()
    {
        var file = Path.Combine(Path.GetTempPath(), $"lift-without-task-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """
            { "id": "lifts-alone", "name": "Lifts alone", "start": "lift",
              "triggers": [ { "event": "customer.signed-up" } ],
              "activities": [ { "id": "lift", "type": "LiftSuspension", "properties": {} } ],
              "connections": [] }
            """);

        Assert.Equal(1, await Validate(file));
    }

    [Fact]
    public async Task A_rule_set_with_an_unknown_identifier_fails_validation()
    {
        var file = Path.Combine(Path.GetTempPath(), $"bad-rules-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """
            { "name": "bad", "rules": [ { "name": "r", "priority": 1, "when": "customer.nmae == 'x'", "then": [ { "type": "halt" } ] } ] }
            """);

        Assert.Equal(1, await Validate(file));
    }
}
