using RuleSuspension.Rules.Facts;

namespace RuleSuspension.Rules.NRules.Tests;

/// <summary>The sample rule set loaded from its file, the shipped non-payment.json compiled, and facts to feed both.</summary>
internal static class Sample
{
    public static readonly DateOnly Today = new(2026, 3, 1);

    public static string AssemblyPath => Path.Combine(AppContext.BaseDirectory, "RuleSuspension.Samples.NonPayment.dll");

    private static readonly Lazy<IRuleSet> Loaded = new(() => CodeRuleSetLibrary.Load([AssemblyPath], AppContext.BaseDirectory).Find("non-payment-code")!);

    public static IRuleSet RuleSet => Loaded.Value;

    public static CompiledRuleSet ShippedNonPayment()
    {
        var compilation = RuleSetCompiler.Compile(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "rulesets", "non-payment.json")));
        Assert.True(compilation.Succeeded, string.Join("\n", compilation.Errors));
        return compilation.RuleSet!;
    }

    public static CustomerFact Customer(string id = "c-1", string? planId = "basic", bool exempt = false) => new()
    {
        Id = id, TenantId = "t-1", Name = "Acme Ltd", PlanId = planId, Exempt = exempt,
    };

    public static InvoiceFact Overdue(int daysOverdue, decimal amount = 100m, string id = "inv-1") =>
        InvoiceFact.AsOf(Today, id, amount, "EUR", Today.AddDays(-daysOverdue - 30), Today.AddDays(-daysOverdue));

    public static FactSet FactsOf(CustomerFact? customer = null, params InvoiceFact[] invoices) => new()
    {
        Customer = customer ?? Customer(),
        Invoices = invoices,
        Today = Today,
        Now = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero),
    };
}
