using static RuleSuspension.Rules.Tests.TestFacts;

namespace RuleSuspension.Rules.Tests.Language;

/// <summary>
/// The bounds of <see cref="RuleLimits"/>: every shape of hostile expression is refused with an error (never a stack
/// overflow), and expressions within the bounds still compile.
/// </summary>
public class LimitTests
{
    private static string Repeat(string text, int times) => string.Concat(Enumerable.Repeat(text, times));

    private static RuleError SingleError(string source) => Assert.Single(ErrorsOf(source));

    /// <summary>Expressions within the length limit that nest far past the depth limit, one of each shape.</summary>
    public static TheoryData<string, string> DeepExpressions => new()
    {
        { "additions", Repeat("1 + ", 500) + "1 > 0" },
        { "and chain", Repeat("true and ", 400) + "true" },
        { "or chain", Repeat("false || ", 400) + "true" },
        { "parentheses", Repeat("(", 1_500) + "true" + Repeat(")", 1_500) },
        { "unary not", Repeat("!", 3_000) + "true" },
        { "unary minus", Repeat("-", 3_000) + "1 > 0" },
        { "coalescing", Repeat("null ?? ", 400) + "true" },
        { "members", "customer" + Repeat(".x", 1_500) + " == 1" },
        { "calls", Repeat("abs(", 700) + "1" + Repeat(")", 700) + " > 0" },
        { "indexes", "customer.tags" + Repeat("[0", 700) + Repeat("]", 700) + " == 'a'" },
        { "lists", "1 in " + Repeat("[", 1_500) + "1" + Repeat("]", 1_500) },
        { "lambdas", Repeat("invoices.any(i => ", 150) + "true" + Repeat(")", 150) },
    };

    [Theory]
    [MemberData(nameof(DeepExpressions))]
    public void Expression_nesting_past_the_depth_limit_is_refused(string shape, string source)
    {
        Assert.InRange(source.Length, 1, RuleLimits.MaxExpressionLength);
        var error = SingleError(source);
        Assert.True(error.Message.Contains($"nests deeper than {RuleLimits.MaxNestingDepth} levels"), $"{shape}: {error.Message}");
    }

    [Fact]
    public void Depth_error_points_at_the_operator_past_the_limit()
    {
        var error = SingleError(Repeat("1 + ", 100) + "1 > 0");
        // The 64th '+' makes the 65th level: it is at offset 63 * 4 + 2.
        Assert.Equal((1, 63 * 4 + 3), (error.Line, error.Column));
    }

    [Fact]
    public void Chain_within_the_depth_limit_compiles() =>
        Assert.True(Holds(Repeat("1 + ", 40) + "1 == 41"));

    [Fact]
    public void Parentheses_within_the_depth_limit_compile() =>
        Assert.True(Holds(Repeat("(", 40) + "true" + Repeat(")", 40)));

    [Fact]
    public void Ten_thousand_added_terms_are_refused_for_their_length()
    {
        var error = SingleError(string.Join("+", Enumerable.Repeat("1", 10_000)) + " > 0");
        Assert.Contains($"at most {RuleLimits.MaxExpressionLength:N0} are allowed", error.Message);
        Assert.Equal((1, RuleLimits.MaxExpressionLength + 1), (error.Line, error.Column));
    }

    [Fact]
    public void Hundred_thousand_nested_parentheses_are_refused_for_their_length()
    {
        var error = SingleError(Repeat("(", 100_000) + "1" + Repeat(")", 100_000));
        Assert.Contains("characters long", error.Message);
    }

    [Fact]
    public void Expression_at_the_length_limit_compiles() =>
        Assert.True(Holds("true" + new string(' ', RuleLimits.MaxExpressionLength - 4)));

    [Fact]
    public void Long_membership_list_within_the_length_limit_compiles() =>
        Assert.True(Holds("1 in [" + Repeat("2, ", 1_200) + "1]"));

    [Fact]
    public void Collection_methods_nested_past_the_limit_are_refused()
    {
        var error = SingleError("invoices.any(a => invoices.any(b => invoices.any(c => invoices.any(d => d.paid))))");
        Assert.Contains($"nest at most {RuleLimits.MaxNestedIterations} deep", error.Message);
        Assert.Equal((1, 68), (error.Line, error.Column));
    }

    [Fact]
    public void Collection_methods_nested_to_the_limit_compile() =>
        Assert.False(Holds("invoices.any(a => invoices.any(b => invoices.any(c => c.paid)))"));

    [Fact]
    public void Rule_set_names_the_rule_whose_condition_is_too_deep()
    {
        var compilation = RuleSetCompiler.Compile(new RuleSetDocument
        {
            Name = "deep",
            Rules = [Rule("fine", "true"), Rule("deep", Repeat("(", 200) + "true" + Repeat(")", 200))],
        });
        var error = Assert.Single(compilation.Errors);
        Assert.Equal("$.rules[1].when", error.Path);
        Assert.Contains("nests deeper than", error.Message);
    }

    [Fact]
    public void Rule_set_refuses_an_asserted_value_that_is_too_long()
    {
        var compilation = RuleSetCompiler.Compile(new RuleSetDocument
        {
            Name = "long",
            Rules = [Rule("derive", "true", 0, AssertFact("total", string.Join(" + ", Enumerable.Repeat("1", 2_000))))],
        });
        var error = Assert.Single(compilation.Errors);
        Assert.Equal("$.rules[0].then[0].value", error.Path);
        Assert.Contains("characters long", error.Message);
    }

    [Fact]
    public void Rule_set_refuses_a_message_longer_than_the_limit()
    {
        var compilation = RuleSetCompiler.Compile(new RuleSetDocument
        {
            Name = "long-message",
            Rules = [Rule("warn", "true", 0, Warn("w", Repeat("{customer.name}", 400)))],
        });
        var error = Assert.Single(compilation.Errors);
        Assert.Equal("$.rules[0].then[0].message", error.Path);
        Assert.Contains("the message is 6,000 characters long", error.Message);
    }

    [Fact]
    public void Rule_set_refuses_a_message_hole_that_is_too_deep()
    {
        var compilation = RuleSetCompiler.Compile(new RuleSetDocument
        {
            Name = "deep-message",
            Rules = [Rule("warn", "true", 0, Warn("w", "Owed: {" + Repeat("-", 100) + "1}"))],
        });
        var error = Assert.Single(compilation.Errors);
        Assert.Equal("$.rules[0].then[0].message", error.Path);
        Assert.Contains("nests deeper than", error.Message);
    }

    [Fact]
    public void Parameter_type_nested_a_hundred_thousand_deep_is_an_unknown_type()
    {
        var type = Repeat("list<", 100_000) + "number" + new string('>', 100_000);

        var compilation = RuleSetCompiler.Compile(new RuleSetDocument
        {
            Name = "typed", Parameters = [Parameter("p", type, "[]")], Rules = [Rule("r", "true")],
        });

        Assert.Contains(compilation.Errors, e => e.Path == "$.parameters[0].type");
    }
}
