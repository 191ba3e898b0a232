using RuleSuspension.Rules.Facts;
using static RuleSuspension.Rules.Tests.TestFacts;

namespace RuleSuspension.Rules.Tests.Language;

/// <summary>
/// Results out of range are null, as division by zero is (docs/rules.md, "Out of range"), and literals out of range
/// are refused when saved: no value makes an evaluation throw.
/// </summary>
public class OverflowTests
{
    private const string MaxDecimal = "79228162514264337593543950335";

    [Theory]
    [InlineData(MaxDecimal + " + 1 == null")]
    [InlineData("-" + MaxDecimal + " - 1 == null")]
    [InlineData(MaxDecimal + " * 2 == null")]
    [InlineData(MaxDecimal + " / 0.5 == null")]
    [InlineData("(" + MaxDecimal + " + 1) + 1 == null")]
    public void Arithmetic_overflow_is_null(string condition) => Assert.True(Holds(condition));

    [Fact]
    public void Arithmetic_near_the_range_still_has_a_value() => Assert.True(Holds(MaxDecimal + " - 1 + 1 == " + MaxDecimal));

    [Fact]
    public void Sum_of_huge_amounts_is_null_not_an_error()
    {
        var huge = decimal.MaxValue;
        var facts = FactsOf(invoices: [Overdue(10, huge, "a"), Overdue(20, huge, "b")]);
        Assert.True(Holds("invoices.sum(i => i.amount) == null", facts));
    }

    [Fact]
    public void Sum_within_the_range_is_exact()
    {
        var facts = FactsOf(invoices: [Overdue(10, 0.1m, "a"), Overdue(20, 0.2m, "b")]);
        Assert.True(Holds("invoices.sum(i => i.amount) == 0.3", facts));
    }

    [Theory]
    [InlineData("addDays(today, 99999999) == null")]
    [InlineData("addDays(today, -99999999) == null")]
    [InlineData("addDays(today, " + MaxDecimal + ") == null")]
    [InlineData("addDays(now, 99999999) == null")]
    [InlineData("addDays(now, " + MaxDecimal + ") == null")]
    [InlineData("date('9999-12-31') + 1d == null")]
    [InlineData("9999-12-31 + 1d == null")]
    [InlineData("0001-01-01 - 1d == null")]
    [InlineData("1d + 9999-12-31 == null")]
    [InlineData("now + 10000000d == null")]
    [InlineData("now - 10000000d == null")]
    public void Dates_past_the_range_are_null(string condition) => Assert.True(Holds(condition));

    [Fact]
    public void Dates_within_the_range_still_move() => Assert.True(Holds("date('9999-12-30') + 1d == 9999-12-31 && addDays(today, 1) == 2026-03-02"));

    [Theory]
    [InlineData("10000000d + 10000000d == null")]
    [InlineData("-10000000d - 10000000d == null")]
    public void Duration_overflow_is_null(string condition) => Assert.True(Holds(condition));

    [Theory]
    [InlineData("customer.tags[2147483648] == null")]
    [InlineData("customer.tags[-2147483649] == null")]
    [InlineData("customer.tags[" + MaxDecimal + "] == null")]
    [InlineData("event.data.items[2147483648] == null")]
    public void Index_out_of_the_range_of_indexes_reads_nothing(string condition) =>
        Assert.True(Holds(condition, FactsOf(@event: Event("customer.updated", """{"items":[1,2]}"""))));

    [Fact]
    public void Index_within_the_list_still_reads_it() => Assert.True(Holds("customer.tags[1.0] == 'eu'"));

    [Theory]
    [InlineData("99999999999d > 1d")]
    [InlineData("10675200d > 1d")]
    [InlineData("999999999999999999999999999999999h > 1d")]
    public void Duration_literal_out_of_range_is_refused_where_it_stands(string condition)
    {
        var error = Assert.Single(ErrorsOf(condition));
        Assert.Contains("is out of range", error.Message);
        Assert.Equal((1, 1), (error.Line, error.Column));
    }

    [Fact]
    public void Largest_duration_literal_is_accepted() => Assert.True(Holds("10675199d > 1d"));

    [Fact]
    public void Duration_parameter_out_of_range_is_a_parameter_error()
    {
        var compilation = RuleSetCompiler.Compile(new RuleSetDocument
        {
            Name = "grace",
            Parameters = [Parameter("grace", "duration", "\"99999999999d\"")],
            Rules = [Rule("r", "params.grace > 1d")],
        });
        var error = Assert.Single(compilation.Errors);
        Assert.Equal("$.parameters[0].default", error.Path);
    }

    [Fact]
    public void Rule_set_with_overflowing_arithmetic_decides_instead_of_failing()
    {
        var set = Compile([Rule("big", "invoices.sum(i => i.amount) * 2 > 100", 0, Suspend("big"))]);
        var decision = set.Evaluate(FactsOf(invoices: [Overdue(10, decimal.MaxValue, "a")]));
        Assert.Equal(DecisionOutcome.None, decision.Outcome);
    }
}
