namespace RuleSuspension.Rules.Tests.Language;

public class TypeErrorTests
{
    [Fact]
    public void Unknown_member_is_a_type_error_with_the_members_position()
    {
        var error = Assert.Single(TestFacts.ErrorsOf("customer.nmae == 'x'"));
        Assert.Equal((1, 10), (error.Line, error.Column));
        Assert.Equal("customer has no member 'nmae'", error.Message);
    }

    [Fact]
    public void Unknown_identifier_is_a_type_error()
    {
        var error = Assert.Single(TestFacts.ErrorsOf("true && cusomer.exempt"));
        Assert.Equal((1, 9), (error.Line, error.Column));
        Assert.StartsWith("unknown identifier 'cusomer'", error.Message);
    }

    [Fact]
    public void Pascal_case_member_names_are_not_mapped()
    {
        var error = Assert.Single(TestFacts.ErrorsOf("customer.Exempt"));
        Assert.Equal("customer has no member 'Exempt'", error.Message);
    }

    [Fact]
    public void Comparing_a_string_with_a_number_is_a_type_error()
    {
        var error = Assert.Single(TestFacts.ErrorsOf("customer.name > 3"));
        Assert.Equal((1, 15), (error.Line, error.Column));
        Assert.Equal("cannot compare string with number using '>'", error.Message);
    }

    [Fact]
    public void A_condition_must_be_boolean()
    {
        var error = Assert.Single(TestFacts.ErrorsOf("invoices.count()"));
        Assert.Equal("a condition must be boolean but this expression is integer", error.Message);
    }

    [Fact]
    public void Logical_operators_need_booleans()
    {
        var error = Assert.Single(TestFacts.ErrorsOf("customer.name && true"));
        Assert.Contains("'&&' needs booleans but its left side is string", error.Message);
    }

    [Fact]
    public void Every_error_of_an_expression_is_reported()
    {
        var errors = TestFacts.ErrorsOf("customer.foo == 1 || customer.bar == 2");
        Assert.Equal(2, errors.Count);
        Assert.Equal([10, 31], errors.Select(e => e.Column!.Value));
    }

    [Fact]
    public void Sum_needs_numbers()
    {
        var error = Assert.Single(TestFacts.ErrorsOf("invoices.sum(i => i.currency) > 0"));
        Assert.Contains("'sum' needs numbers but found string", error.Message);
    }

    [Fact]
    public void Lambda_outside_a_collection_method_is_refused()
    {
        var error = Assert.Single(TestFacts.ErrorsOf("(i => true) == true"));
        Assert.Contains("only allowed as the argument of a collection method", error.Message);
    }

    [Fact]
    public void Lambda_parameter_is_typed_as_the_element()
    {
        var error = Assert.Single(TestFacts.ErrorsOf("invoices.any(i => i.stage == 'x')"));
        Assert.Equal("invoice has no member 'stage'", error.Message);
    }

    [Fact]
    public void Parameters_are_not_available_in_standalone_conditions()
    {
        var error = Assert.Single(TestFacts.ErrorsOf("params.graceDays > 1"));
        Assert.Contains("'params' exists only in rule sets", error.Message);
    }

    [Fact]
    public void Ordering_booleans_is_refused()
    {
        var error = Assert.Single(TestFacts.ErrorsOf("customer.exempt < true"));
        Assert.Contains("cannot order booleans", error.Message);
    }

    [Fact]
    public void Mixed_list_literal_is_refused()
    {
        var error = Assert.Single(TestFacts.ErrorsOf("customer.name in ['a', 1]"));
        Assert.Contains("cannot compare string with number", error.Message);
    }

    [Fact]
    public void Wrong_argument_count_of_a_function_is_reported()
    {
        var error = Assert.Single(TestFacts.ErrorsOf("daysBetween(today) > 1"));
        Assert.Contains("'daysBetween' needs two dates", error.Message);
    }
}
