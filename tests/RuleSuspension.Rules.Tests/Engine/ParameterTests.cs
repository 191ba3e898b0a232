using static RuleSuspension.Rules.Tests.TestFacts;

namespace RuleSuspension.Rules.Tests.Engine;

public class ParameterTests
{
    private static readonly ParameterDefinition GraceDays = Parameter("graceDays", "integer", "30", min: 0, max: 365);

    [Fact]
    public void Value_within_bounds_is_valid() => Assert.Empty(GraceDays.Validate(Json("365")));

    [Fact]
    public void Value_above_max_is_refused() =>
        Assert.Equal(["'graceDays' must be at most 365 but was 366"], GraceDays.Validate(Json("366")));

    [Fact]
    public void Value_below_min_is_refused() =>
        Assert.Equal(["'graceDays' must be at least 0 but was -1"], GraceDays.Validate(Json("-1")));

    [Fact]
    public void Fraction_for_an_integer_is_refused() =>
        Assert.Equal(["'graceDays' must be a whole number but was 1.5"], GraceDays.Validate(Json("1.5")));

    [Fact]
    public void String_for_a_number_is_refused() =>
        Assert.Equal(["'minOverdueAmount' must be a number but was \"ten\""], Parameter("minOverdueAmount", "number", "0.01").Validate(Json("\"ten\"")));

    [Fact]
    public void Each_map_value_is_checked_against_the_bounds() =>
        Assert.Equal(["'graceDaysByPlan.gold' must be at most 365 but was 400"],
            Parameter("graceDaysByPlan", "map<string,number>", "{}", 0, 365).Validate(Json("""{ "basic": 10, "gold": 400 }""")));

    [Fact]
    public void Each_list_item_is_checked_against_the_type() =>
        Assert.Equal(["'stages[1]' must be a string but was 3"], Parameter("stages", "list<string>", "[]").Validate(Json("""["a", 3]""")));

    [Fact]
    public void Durations_use_the_literal_syntax() =>
        Assert.Empty(Parameter("wait", "duration", "\"12h\"").Validate(Json("\"30d\"")));

    [Fact]
    public void Unknown_type_is_reported() =>
        Assert.Equal(["parameter 'x' has an unknown type 'money'"], Parameter("x", "money", "1").Validate(Json("1")));

    [Fact]
    public void Overrides_replace_defaults_at_evaluation()
    {
        var set = Compile([Rule("r", "params.graceDays > 40", 0, Warn("long"))], [GraceDays]);
        Assert.Empty(set.Evaluate(FactsOf()).FiredRules);
        Assert.Equal("long", set.Evaluate(FactsOf(), ParameterValues.Parse("""{ "graceDays": 45 }""")).ReasonCode);
    }

    [Fact]
    public void Invalid_override_fails_the_evaluation()
    {
        var set = Compile([Rule("r", "params.graceDays > 40")], [GraceDays]);
        var error = Assert.Throws<RuleEvaluationException>(() => set.Evaluate(FactsOf(), ParameterValues.Parse("""{ "graceDays": 999 }""")));
        Assert.Contains("'graceDays' must be at most 365 but was 999", error.Message);
    }

    [Fact]
    public void Validating_overrides_reports_unknown_names_with_their_path()
    {
        var set = Compile([Rule("r", "params.graceDays > 40")], [GraceDays]);
        var error = Assert.Single(set.ValidateParameters(ParameterValues.Parse("""{ "graceDayz": 10 }""")));
        Assert.Equal(("$.parameters.graceDayz", "rule set 'test' has no parameter 'graceDayz'"), (error.Path, error.Message));
    }

    [Fact]
    public void Invalid_default_is_a_compile_error()
    {
        var compilation = RuleSetCompiler.Compile(new RuleSetDocument { Name = "p", Parameters = [Parameter("graceDays", "integer", "400", 0, 365)], Rules = [Rule("r", "true")] });
        var error = Assert.Single(compilation.Errors);
        Assert.Equal(("$.parameters[0].default", "'graceDays' must be at most 365 but was 400"), (error.Path, error.Message));
    }

    [Fact]
    public void Unknown_parameter_in_a_rule_is_a_type_error_with_position()
    {
        var compilation = RuleSetCompiler.Compile(new RuleSetDocument { Name = "p", Parameters = [GraceDays], Rules = [Rule("r", "params.graceDayz > 1")] });
        var error = Assert.Single(compilation.Errors);
        Assert.Equal(("$.rules[0].when", 1, 8, "unknown parameter 'graceDayz'"), (error.Path, error.Line!.Value, error.Column!.Value, error.Message));
    }

    [Fact]
    public void Map_parameter_is_indexed_by_key_and_missing_keys_are_null()
    {
        var set = Compile(
            [Rule("r", "(params.grace[customer.planId] ?? 1) == 60 && params.grace['none'] == null && params.grace[null] == null", 0, Warn("mapped"))],
            [Parameter("grace", "map<string,number>", """{ "basic": 60 }""")]);
        Assert.Equal("mapped", set.Evaluate(FactsOf()).ReasonCode);
    }
}
