using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using RuleSuspension.Rules;
using RuleSuspension.Rules.Facts;

namespace RuleSuspension.Benchmarks.Rules;

/// <summary>
/// The rules engine on the shipped non-payment set against the same logic written by hand.
/// Categories: Single (one customer, 20 invoices), Batch (100,000 customers), Compile (a 100-rule set).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class RulesEngineBenchmarks
{
    private static readonly DateOnly Today = new(2026, 3, 1);
    private CompiledRuleSet _nonPayment = null!;
    private NonPaymentReference _reference = null!;
    private FactSet _customer = null!;
    private FactSet[] _batch = null!;
    private RuleSetDocument _hundredRules = null!;

    [GlobalSetup]
    public void Setup()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "rulesets", "non-payment.json"));
        _nonPayment = RuleSetCompiler.Compile(json).RuleSet ?? throw new InvalidOperationException("non-payment does not compile");
        _reference = new NonPaymentReference(30, 7, 0.01m, new Dictionary<string, decimal>());
        _customer = Customer(1, invoiceCount: 20, oldestOverdue: 45); // not exempt, suspended

        _batch = Batch();
        _hundredRules = HundredRules();

        // The engine and the reference must agree before their speeds are compared.
        foreach (var facts in _batch.Take(5000).Append(_customer))
        {
            var engine = _nonPayment.Evaluate(facts);
            var hand = _reference.Evaluate(facts);
            if (engine.Outcome != hand.Outcome || engine.Message != hand.Message)
                throw new InvalidOperationException($"engine and reference disagree for {facts.Customer.Id}: {engine.Message} / {hand.Message}");
        }
    }

    /// <summary>100,000 customers with 0–5 invoices each, the oldest due between 10 days ahead and 60 days ago.</summary>
    internal static FactSet[] Batch()
    {
        var random = new Random(42);
        var batch = new FactSet[100_000];
        for (var i = 0; i < batch.Length; i++)
            batch[i] = Customer(i, invoiceCount: random.Next(0, 6), oldestOverdue: random.Next(-10, 60));
        return batch;
    }

    internal static FactSet Customer(int n, int invoiceCount, int oldestOverdue)
    {
        var invoices = new InvoiceFact[invoiceCount];
        for (var i = 0; i < invoiceCount; i++)
        {
            var due = Today.AddDays(-oldestOverdue + i * 3);
            invoices[i] = InvoiceFact.AsOf(Today, $"inv-{n}-{i}", 10m + i, "EUR", due.AddDays(-30), due, i % 4 == 3 ? due : null);
        }
        return new FactSet
        {
            Customer = new CustomerFact { Id = $"c-{n}", Name = $"Customer {n}", Email = $"c{n}@test", PlanId = n % 3 == 0 ? "gold" : "basic", Exempt = n % 50 == 0 },
            Invoices = invoices,
            Today = Today,
            Now = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero),
        };
    }

    /// <summary>100 rules mixing collection lambdas, parameters, derived facts and interpolated messages.</summary>
    private static RuleSetDocument HundredRules()
    {
        var rules = new List<RuleDefinition>();
        for (var i = 0; i < 100; i++)
        {
            rules.Add(new RuleDefinition
            {
                Name = $"rule-{i}",
                Priority = i % 7,
                When = (i % 4) switch
                {
                    0 => $"invoices.any(x => x.daysOverdue > {i} && x.amountDue > params.limit) && !customer.exempt",
                    1 => $"invoices.where(x => !x.paid).sum(x => x.amountDue) >= {i} * params.limit || 'tag{i}' in customer.tags",
                    2 => $"(params.byPlan[customer.planId] ?? {i}) > 3 && daysSince(invoices.min(x => x.dueDate) ?? today) > {i}",
                    _ => $"facts.f{i - 1} > 0 && customer.name.startsWith('C') && event.data.seats == {i}",
                },
                Then = i % 4 == 2
                    ? [new RuleAction { Type = "assert", Fact = $"f{i}", Value = $"invoices.count(x => x.daysOverdue > {i})" }]
                    : [new RuleAction { Type = i % 2 == 0 ? "warn" : "review", ReasonCode = "bench", Message = $"rule {i}: {{customer.name}} owes {{invoices.sum(x => x.amountDue)}}" }],
            });
        }
        return new RuleSetDocument
        {
            Name = "hundred",
            Parameters =
            [
                new ParameterDefinition { Name = "limit", Type = "number", Default = System.Text.Json.JsonDocument.Parse("5").RootElement, Description = "x" },
                new ParameterDefinition { Name = "byPlan", Type = "map<string,number>", Default = System.Text.Json.JsonDocument.Parse("""{"gold": 9}""").RootElement, Description = "x" },
            ],
            Rules = rules,
        };
    }

    [Benchmark(Baseline = true, Description = "hand-written C#, 20 invoices"), BenchmarkCategory("Single")]
    public RuleSetDecision HandWritten() => _reference.Evaluate(_customer);

    [Benchmark(Description = "engine, 20 invoices"), BenchmarkCategory("Single")]
    public RuleSetDecision Engine() => _nonPayment.Evaluate(_customer);

    [Benchmark(Description = "engine + explanation, 20 invoices"), BenchmarkCategory("Single")]
    public RuleSetDecision EngineExplained() => _nonPayment.Evaluate(_customer, explain: true);

    [Benchmark(Baseline = true, Description = "hand-written C#, 100,000 customers"), BenchmarkCategory("Batch")]
    public int HandWrittenBatch()
    {
        var suspended = 0;
        foreach (var facts in _batch)
            if (_reference.Evaluate(facts).Outcome == DecisionOutcome.Suspend) suspended++;
        return suspended;
    }

    [Benchmark(Description = "engine, 100,000 customers"), BenchmarkCategory("Batch")]
    public int EngineBatch()
    {
        var suspended = 0;
        foreach (var facts in _batch)
            if (_nonPayment.Evaluate(facts).Outcome == DecisionOutcome.Suspend) suspended++;
        return suspended;
    }

    [Benchmark(Description = "compile 100-rule set"), BenchmarkCategory("Compile")]
    public CompiledRuleSet Compile100Rules() =>
        RuleSetCompiler.Compile(_hundredRules).RuleSet ?? throw new InvalidOperationException("100-rule set does not compile");
}
