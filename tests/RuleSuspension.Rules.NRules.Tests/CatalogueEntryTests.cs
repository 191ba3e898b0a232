using System.Text.Json;
using RuleSuspension.Rules.Facts;

namespace RuleSuspension.Rules.NRules.Tests;

public class CatalogueEntryTests
{
    private static readonly RuleSetDocument Entry = Sample.RuleSet.Document;

    [Fact]
    public void Entry_lists_the_rules_with_names_priorities_and_descriptions_in_declaration_order()
    {
        Assert.Equal(
            [("exempt-customers-are-never-suspended", 1000), ("overdue-balance", 900), ("suspend-past-grace", 500), ("warn-overdue", 100)],
            Entry.Rules.Select(r => (r.Name, r.Priority)).OrderByDescending(r => r.Priority));
        Assert.All(Entry.Rules, r => Assert.False(string.IsNullOrEmpty(r.Description)));
    }

    [Fact]
    public void Parameters_record_declares_names_types_defaults_and_bounds()
    {
        Assert.Equal(
            [("graceDays", "integer", "30", 0m, 365m), ("warningDays", "integer", "7", 0m, 365m), ("minOverdueAmount", "number", "0.01", 0m, null), ("graceDaysByPlan", "map<string,number>", "{}", 0m, 365m)],
            Entry.Parameters.Select(p => (p.Name, p.Type, p.Default!.Value.GetRawText(), p.Min, p.Max)));
        Assert.All(Entry.Parameters, p => Assert.False(string.IsNullOrEmpty(p.Description)));
    }

    [Fact]
    public void Entry_has_the_nrules_kind_and_serialises_as_a_rule_set_document()
    {
        var json = Entry.ToJson();

        var parsed = RuleSetDocument.Parse(json).Document!;
        Assert.Equal((RuleSetKinds.NRules, Entry.Source), (parsed.Kind, parsed.Source));
    }

    [Fact]
    public void Needs_are_the_invoices_the_rules_match()
    {
        Assert.Equal(FactNeeds.Invoices, Sample.RuleSet.Needs);
    }

    [Fact]
    public void Out_of_bounds_value_is_refused_with_its_path()
    {
        var errors = Sample.RuleSet.ValidateParameters(new ParameterValues(new Dictionary<string, JsonElement> { ["graceDays"] = JsonSerializer.SerializeToElement(400) }));

        var error = Assert.Single(errors);
        Assert.Equal("$.parameters.graceDays", error.Path);
        Assert.Contains("at most 365", error.Message);
    }

    [Fact]
    public void Unknown_parameter_is_refused()
    {
        var errors = Sample.RuleSet.ValidateParameters(ParameterValues.Parse("""{ "graceDayz": 3 }"""));

        Assert.Equal("$.parameters.graceDayz", Assert.Single(errors).Path);
    }

    [Fact]
    public void Parameter_values_change_the_decision()
    {
        var facts = Sample.FactsOf(invoices: Sample.Overdue(40));

        var decision = Sample.RuleSet.Evaluate(facts, ParameterValues.Parse("""{ "graceDays": 45 }"""));

        Assert.Equal(DecisionOutcome.Warn, decision.Outcome);
        Assert.Equal("An invoice is 40 days overdue; suspension after 45 days.", decision.Message);
    }

    [Fact]
    public void Invalid_override_fails_the_evaluation()
    {
        Assert.Throws<RuleEvaluationException>(() => Sample.RuleSet.Evaluate(Sample.FactsOf(), ParameterValues.Parse("""{ "warningDays": -1 }""")));
    }
}

public class ConsistencyTests
{
    [Fact]
    public void Code_defined_evaluation_refuses_facts_on_two_clocks()
    {
        var yesterday = Rules.Facts.InvoiceFact.AsOf(Sample.Today.AddDays(-1), "inv-old", 100m, "EUR", Sample.Today.AddDays(-60), Sample.Today.AddDays(-40));

        var error = Assert.Throws<RuleEvaluationException>(() => Sample.RuleSet.Evaluate(Sample.FactsOf(invoices: yesterday)));

        Assert.Contains("$.invoices[0].computedAsOf", error.Message);
    }
}
