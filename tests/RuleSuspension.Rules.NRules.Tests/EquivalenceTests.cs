using RuleSuspension.Rules.Facts;

namespace RuleSuspension.Rules.NRules.Tests;

/// <summary>The NRules sample decides exactly as the shipped non-payment.json: outcome, reason code and message.</summary>
public class EquivalenceTests
{
    private const int Customers = 3000;
    private static readonly CompiledRuleSet Shipped = Sample.ShippedNonPayment();

    [Theory]
    [InlineData("{}")]
    [InlineData("""{ "graceDays": 14, "warningDays": 3, "minOverdueAmount": 250 }""")]
    [InlineData("""{ "graceDaysByPlan": { "enterprise": 60, "basic": 10 } }""")]
    public void Sample_decides_as_non_payment_json_on_generated_customers(string parameters)
    {
        var values = ParameterValues.Parse(parameters);
        var differences = new List<string>();
        var outcomes = new HashSet<DecisionOutcome>();

        foreach (var facts in Generate(Customers, seed: 13))
        {
            var expected = Shipped.Evaluate(facts, values);
            var actual = Sample.RuleSet.Evaluate(facts, values);
            outcomes.Add(expected.Outcome);
            if ((expected.Outcome, expected.ReasonCode, expected.Message) != (actual.Outcome, actual.ReasonCode, actual.Message))
                differences.Add($"{facts.Customer.Id}: {expected.Outcome} '{expected.Message}' vs {actual.Outcome} '{actual.Message}'");
        }

        Assert.Empty(differences);
        // The data must reach every outcome the rules can give, or the comparison proves little.
        Assert.Equal([DecisionOutcome.None, DecisionOutcome.Warn, DecisionOutcome.Suspend], outcomes.Order());
    }

    /// <summary>Customers on three plans (some on none, some exempt) with 0–8 invoices: paid, due, overdue by 0–90 days.</summary>
    internal static IEnumerable<FactSet> Generate(int count, int seed)
    {
        var random = new Random(seed);
        string?[] plans = ["basic", "pro", "enterprise", null];
        for (var c = 0; c < count; c++)
        {
            var customer = Sample.Customer($"c-{c}", plans[random.Next(plans.Length)], exempt: random.Next(20) == 0);
            var invoices = new InvoiceFact[random.Next(9)];
            for (var i = 0; i < invoices.Length; i++)
            {
                var due = Sample.Today.AddDays(30 - random.Next(120));
                var amount = Math.Round((decimal)random.NextDouble() * 500m, 2);
                DateOnly? paid = random.Next(3) == 0 ? due.AddDays(random.Next(-5, 20)) : null;
                invoices[i] = InvoiceFact.AsOf(Sample.Today, $"c-{c}-inv-{i}", amount, "EUR", due.AddDays(-30), due, paid);
            }
            yield return Sample.FactsOf(customer, invoices);
        }
    }
}
