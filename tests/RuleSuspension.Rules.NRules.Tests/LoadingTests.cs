namespace RuleSuspension.Rules.NRules.Tests;

public class LoadingTests
{
    [Fact]
    public void Sample_assembly_loads_its_code_defined_rule_set()
    {
        var library = CodeRuleSetLibrary.Load([Sample.AssemblyPath], AppContext.BaseDirectory);

        var ruleSet = Assert.Single(library.RuleSets);
        Assert.Equal(("non-payment-code", RuleSetKinds.NRules), (ruleSet.Name, ruleSet.Kind));
    }

    [Fact]
    public void Relative_paths_are_read_from_the_base_directory()
    {
        var library = CodeRuleSetLibrary.Load(["RuleSuspension.Samples.NonPayment.dll"], AppContext.BaseDirectory);

        Assert.NotNull(library.Find("non-payment-code"));
    }

    [Fact]
    public void Missing_assembly_is_one_clear_error()
    {
        var error = Assert.Throws<RuleAssemblyException>(() => CodeRuleSetLibrary.Load(["rules/missing.dll"], AppContext.BaseDirectory));

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("'rules/missing.dll': no file at ", problem);
        Assert.Contains("Rules:Assemblies", error.Message);
    }

    [Fact]
    public void Broken_assembly_is_one_clear_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.dll");
        File.WriteAllBytes(path, "MZ this is not an assembly"u8.ToArray());
        try
        {
            var error = Assert.Throws<RuleAssemblyException>(() => CodeRuleSetLibrary.Load([path], AppContext.BaseDirectory));

            Assert.Equal($"'{path}': not a .NET assembly", Assert.Single(error.Problems));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Assembly_without_rule_sets_is_refused()
    {
        var path = typeof(RuleSetDocument).Assembly.Location;

        var error = Assert.Throws<RuleAssemblyException>(() => CodeRuleSetLibrary.Load([path], AppContext.BaseDirectory));

        Assert.Contains("declares no rule set", Assert.Single(error.Problems));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var error = Assert.Throws<RuleAssemblyException>(() => CodeRuleSetLibrary.Load(["one.dll", "two.dll"], AppContext.BaseDirectory));

        Assert.Equal(2, error.Problems.Count);
    }

    [Fact]
    public void Version_is_the_assembly_identity_and_content_hash()
    {
        var source = Sample.RuleSet.Document.Source!;

        Assert.Matches(@"^RuleSuspension\.Samples\.NonPayment [0-9.]+; sha256:[0-9a-f]{64}$", source);
    }

    [Fact]
    public void Loading_the_same_assembly_twice_gives_the_same_version()
    {
        var again = CodeRuleSetLibrary.Load([Sample.AssemblyPath], AppContext.BaseDirectory).Find("non-payment-code")!;

        Assert.Equal(Sample.RuleSet.Document.Source, again.Document.Source);
    }
}
