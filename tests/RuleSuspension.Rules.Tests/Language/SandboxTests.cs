namespace RuleSuspension.Rules.Tests.Language;

/// <summary>Only the fact model's allow-listed members and the language's functions are reachable.</summary>
public class SandboxTests
{
    [Fact]
    public void GetType_on_a_fact_is_refused_at_its_position()
    {
        var error = Assert.Single(TestFacts.ErrorsOf("customer.GetType() == null"));
        Assert.Equal((1, 10), (error.Line, error.Column));
        Assert.Equal("'GetType' is not a method of customer", error.Message);
    }

    [Fact]
    public void Reaching_the_assembly_through_a_string_is_refused()
    {
        var error = Assert.Single(TestFacts.ErrorsOf("customer.name.GetType().Assembly == null"));
        Assert.Equal((1, 15), (error.Line, error.Column));
        Assert.Equal("'GetType' is not a method of string", error.Message);
    }

    [Fact]
    public void File_system_access_through_a_namespace_is_refused()
    {
        var error = Assert.Single(TestFacts.ErrorsOf("System.IO.File.ReadAllText('x') == ''"));
        Assert.Equal((1, 1), (error.Line, error.Column));
        Assert.StartsWith("unknown identifier 'System'", error.Message);
    }

    [Fact]
    public void Typeof_is_not_a_function()
    {
        var error = Assert.Single(TestFacts.ErrorsOf("typeof(customer) == null"));
        Assert.Equal((1, 1), (error.Line, error.Column));
        Assert.Equal("unknown function 'typeof'", error.Message);
    }

    [Fact]
    public void Static_member_access_is_refused()
    {
        var error = Assert.Single(TestFacts.ErrorsOf("DateTime.Now > now"));
        Assert.StartsWith("unknown identifier 'DateTime'", error.Message);
    }

    [Fact]
    public void Object_members_inherited_from_dotnet_are_not_reachable()
    {
        var error = Assert.Single(TestFacts.ErrorsOf("customer.tags.ToString() == ''"));
        Assert.Equal("'ToString' is not a method of list<string>", error.Message);
    }

    [Fact]
    public void Clr_property_of_a_list_is_not_reachable()
    {
        var error = Assert.Single(TestFacts.ErrorsOf("invoices.Count > 0"));
        Assert.Equal("list<invoice> has no member 'Count'", error.Message);
    }

    [Fact]
    public void Json_data_cannot_call_methods()
    {
        var error = Assert.Single(TestFacts.ErrorsOf("event.data.GetRawText() == ''"));
        Assert.Equal("'GetRawText' is not a method of json", error.Message);
    }

    [Fact]
    public void Sandbox_errors_in_a_rule_set_carry_the_rules_path()
    {
        var compilation = RuleSetCompiler.Compile(new RuleSetDocument
        {
            Name = "evil",
            Rules = [TestFacts.Rule("ok", "true"), TestFacts.Rule("evil", "customer.GetType() == null")],
        });
        var error = Assert.Single(compilation.Errors);
        Assert.Equal("$.rules[1].when", error.Path);
        Assert.Equal((1, 10), (error.Line, error.Column));
    }
}
