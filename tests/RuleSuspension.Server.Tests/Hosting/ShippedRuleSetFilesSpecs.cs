using RuleSuspension.Application.RuleSets;

namespace RuleSuspension.Server.Tests.Hosting;

/// <summary>The shipped rule set files read early in the start (<see cref="ShippedRuleSetFiles"/>) are those of the directory the load asks for.</summary>
public sealed class ShippedRuleSetFilesSpecs : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "rs-shipped-files", Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task A_directory_other_than_the_one_read_early_is_read_when_asked()
    {
        var early = RuleSetDirectory("early", "first");
        var asked = RuleSetDirectory("asked", "second");
        var files = ShippedRuleSetFiles.StartReading(early);

        var read = await files.ReadAsync(asked);

        Assert.Equal(["second"], read.Select(f => f.Document!.Name));
    }

    [Fact]
    public async Task A_file_that_does_not_compile_is_read_with_its_errors_and_no_document()
    {
        var directory = RuleSetDirectory("broken", "fine");
        await File.WriteAllTextAsync(Path.Combine(directory, "z-broken.json"),
            """{ "name": "broken", "rules": [ { "name": "r", "when": "customer.nosuchfield >", "then": [ { "type": "warn", "reasonCode": "x" } ] } ] }""");

        var read = await ShippedRuleSetFiles.StartReading(directory).ReadAsync(directory);

        Assert.Equal(["fine.json", "z-broken.json"], read.Select(f => f.FileName));
        Assert.Null(read[1].Document);
        Assert.False(string.IsNullOrWhiteSpace(read[1].Errors));
    }

    private string RuleSetDirectory(string name, string ruleSet)
    {
        var directory = Path.Combine(_root, name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, $"{ruleSet}.json"),
            $$"""{ "name": "{{ruleSet}}", "rules": [ { "name": "r", "when": "customer.exempt", "then": [ { "type": "warn", "reasonCode": "x" } ] } ] }""");
        return directory;
    }
}
