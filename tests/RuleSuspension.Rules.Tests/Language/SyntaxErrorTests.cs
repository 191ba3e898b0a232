namespace RuleSuspension.Rules.Tests.Language;

public class SyntaxErrorTests
{
    private static RuleError SingleError(string source)
    {
        var errors = TestFacts.ErrorsOf(source);
        return Assert.Single(errors);
    }

    [Fact]
    public void Unterminated_string_reports_line_and_column()
    {
        var error = SingleError("customer.name == 'Acme");
        Assert.Equal((1, 18), (error.Line, error.Column));
        Assert.Contains("unterminated string", error.Message);
    }

    [Fact]
    public void Missing_closing_parenthesis_says_what_was_expected()
    {
        var error = SingleError("(customer.exempt");
        Assert.Equal("expected ')' but found 'end of expression' at 1:17", error.Message);
        Assert.Equal((1, 17), (error.Line, error.Column));
    }

    [Fact]
    public void Error_on_a_later_line_reports_that_line_and_its_column()
    {
        var error = SingleError("customer.exempt == false\n  && invoices.any(i => i.paid ==)");
        Assert.Equal((2, 33), (error.Line, error.Column));
        Assert.Contains("expected an expression but found ')'", error.Message);
    }

    [Fact]
    public void Single_equals_sign_suggests_double_equals()
    {
        var error = SingleError("customer.name = 'x'");
        Assert.Equal((1, 15), (error.Line, error.Column));
        Assert.Contains("use '=='", error.Message);
    }

    [Fact]
    public void Unexpected_character_is_reported_at_its_position()
    {
        var error = SingleError("customer.exempt # true");
        Assert.Equal((1, 17), (error.Line, error.Column));
        Assert.Contains("unexpected character '#'", error.Message);
    }

    [Fact]
    public void Invalid_date_literal_is_a_syntax_error()
    {
        var error = SingleError("today > 2026-02-30");
        Assert.Equal((1, 9), (error.Line, error.Column));
        Assert.Contains("not a valid date", error.Message);
    }

    [Fact]
    public void Unknown_duration_unit_is_a_syntax_error()
    {
        var error = SingleError("now - event.occurredAt > 3w");
        Assert.Equal((1, 27), (error.Line, error.Column));
        Assert.Contains("unknown duration unit 'w'", error.Message);
    }

    [Fact]
    public void Trailing_tokens_after_a_complete_expression_are_reported()
    {
        var error = SingleError("customer.exempt true");
        Assert.Equal((1, 17), (error.Line, error.Column));
        Assert.Contains("expected an operator or end of expression", error.Message);
    }

    [Fact]
    public void Empty_expression_is_reported()
    {
        var error = SingleError("   ");
        Assert.Contains("expected an expression", error.Message);
    }

    [Fact]
    public void Unclosed_list_says_what_was_expected()
    {
        var error = SingleError("customer.status in ['active', 'suspended'");
        Assert.Equal("expected ',' or ']' but found 'end of expression' at 1:42", error.Message);
    }

    [Fact]
    public void Missing_member_name_after_dot_is_reported()
    {
        var error = SingleError("customer. == 1");
        Assert.Equal((1, 11), (error.Line, error.Column));
        Assert.Contains("expected a member name", error.Message);
    }

    [Fact]
    public void Calling_something_that_is_not_a_name_is_refused()
    {
        var error = SingleError("customer.tags[0]('x')");
        Assert.Contains("only functions and methods can be called", error.Message);
    }
}
