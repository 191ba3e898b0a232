using static RuleSuspension.Rules.Tests.TestFacts;

namespace RuleSuspension.Rules.Tests.Engine;

public class RuleSetDocumentTests
{
    [Fact]
    public void Json_syntax_error_reports_line_and_column()
    {
        var result = RuleSetDocument.Parse("{\n  \"name\": \"x\",\n  \"rules\": [ }\n}");
        var error = Assert.Single(result.Errors);
        Assert.Equal((3, 14), (error.Line, error.Column));
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void Unknown_member_reports_its_path()
    {
        var result = RuleSetDocument.Parse("""{ "name": "x", "rules": [ { "name": "r", "when": "true", "priority": 1, "thne": [] } ] }""");
        var error = Assert.Single(result.Errors);
        Assert.Equal("$.rules[0].thne", error.Path);
    }

    [Fact]
    public void Mistyped_member_reports_its_path()
    {
        var result = RuleSetDocument.Parse("""{ "name": "x", "rules": [ { "name": "r", "priority": "high" } ] }""");
        Assert.Equal("$.rules[0].priority", Assert.Single(result.Errors).Path);
    }

    [Fact]
    public void Document_round_trips_through_json()
    {
        var document = new RuleSetDocument
        {
            Name = "x", Version = 2, Parameters = [Parameter("limit", "number", "1.5")],
            Rules = [Rule("r", "params.limit > 1", 3, Suspend("crm", "m"))],
        };
        var again = RuleSetDocument.Parse(document.ToJson()).Document!;
        Assert.Equal(document.ToJson(), again.ToJson());
        Assert.Contains("\"reasonCode\": \"crm\"", document.ToJson());
    }

    [Fact]
    public void Compilation_lists_every_error_of_every_rule()
    {
        var compilation = RuleSetCompiler.Compile(new RuleSetDocument
        {
            Name = "broken",
            Rules =
            [
                Rule("a", "customer.nope"),
                Rule("b", "(true"),
                Rule("a", "true", 0, new RuleAction { Type = "explode" }),
                Rule("d", "true", 0, Suspend("")),
                Rule("e", "true", 0, Warn("x", "total {facts.missing}")),
            ],
        });
        Assert.Equal(
            [
                "$.rules[1].when",
                "$.rules[2].name",
                "$.rules[2].then[0].type",
                "$.rules[3].then[0].reasonCode",
                "$.rules[0].when",
                "$.rules[4].then[0].message",
            ],
            compilation.Errors.Select(e => e.Path));
    }

    [Fact]
    public void Interpolation_errors_report_positions_within_the_message()
    {
        var compilation = RuleSetCompiler.Compile(new RuleSetDocument { Name = "m", Rules = [Rule("r", "true", 0, Warn("x", "Dear {customer.nmae},"))] });
        var error = Assert.Single(compilation.Errors);
        Assert.Equal(("$.rules[0].then[0].message", 1, 16, "customer has no member 'nmae'"), (error.Path, error.Line!.Value, error.Column!.Value, error.Message));
    }

    [Fact]
    public void Unclosed_interpolation_is_reported()
    {
        var compilation = RuleSetCompiler.Compile(new RuleSetDocument { Name = "m", Rules = [Rule("r", "true", 0, Warn("x", "Dear {customer.name"))] });
        Assert.Contains("expected '}'", Assert.Single(compilation.Errors).Message);
    }

    [Fact]
    public void Reading_a_fact_no_rule_asserts_is_an_error()
    {
        var compilation = RuleSetCompiler.Compile(new RuleSetDocument { Name = "f", Rules = [Rule("r", "facts.balance > 0")] });
        var error = Assert.Single(compilation.Errors);
        Assert.Equal((1, 7, "unknown fact 'balance': no rule asserts it"), (error.Line!.Value, error.Column!.Value, error.Message));
    }

    [Fact]
    public void Fact_types_are_inferred_from_the_asserted_value()
    {
        var compilation = RuleSetCompiler.Compile(new RuleSetDocument
        {
            Name = "f",
            Rules = [Rule("a", "true", 0, AssertFact("balance", "invoices.sum(i => i.amountDue)")), Rule("b", "facts.balance == 'x'")],
        });
        Assert.Equal("cannot compare number with string using '=='", Assert.Single(compilation.Errors).Message);
    }

    [Fact]
    public void A_fact_asserted_with_two_types_is_an_error()
    {
        var compilation = RuleSetCompiler.Compile(new RuleSetDocument
        {
            Name = "f",
            Rules = [Rule("a", "true", 0, AssertFact("x", "1")), Rule("b", "true", 0, AssertFact("x", "'one'"))],
        });
        Assert.Equal("fact 'x' is asserted as number elsewhere but as string here", Assert.Single(compilation.Errors).Message);
    }

    [Fact]
    public void A_fact_whose_value_depends_on_itself_cannot_be_typed()
    {
        var compilation = RuleSetCompiler.Compile(new RuleSetDocument { Name = "f", Rules = [Rule("a", "true", 0, AssertFact("x", "facts.x + 1"))] });
        Assert.Contains("depends on itself", Assert.Single(compilation.Errors).Message);
    }
}
