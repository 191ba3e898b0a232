using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using RuleSuspension.Rules;
using RuleSuspension.Rules.Facts;
using RuleSuspension.Rules.NRules;
using RuleSuspension.Samples.NonPayment;

namespace RuleSuspension.Benchmarks.Rules;

/// <summary>
/// The same non-payment rules in the two authoring forms and by hand: the rule language (compiled), the NRules sample
/// (one session per customer) and hand-written C#. Categories: Single (one customer, 20 invoices) and Batch (the
/// 100,000 customers of <see cref="RulesEngineBenchmarks"/>). NRules takes seconds a batch.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[Config(typeof(OneRun))]
public class EngineFormsBenchmarks
{
    /// <summary>In process (no generated project to build on a busy machine), one launch, few iterations.</summary>
    private sealed class OneRun : ManualConfig
    {
        public OneRun() => AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(6));
    }

    private CompiledRuleSet _language = null!;
    private IRuleSet _nrules = null!;
    private NonPaymentReference _handWritten = null!;
    private FactSet _customer = null!;
    private FactSet[] _batch = null!;

    [GlobalSetup]
    public void Setup()
    {
        _language = RuleSetCompiler.Compile(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "rulesets", "non-payment.json"))).RuleSet
            ?? throw new InvalidOperationException("non-payment does not compile");
        _nrules = CodeRuleSetLibrary.From(typeof(NonPaymentRuleSet).Assembly).Find("non-payment-code")!;
        _handWritten = new NonPaymentReference(30, 7, 0.01m, new Dictionary<string, decimal>());
        _customer = RulesEngineBenchmarks.Customer(1, invoiceCount: 20, oldestOverdue: 45);
        _batch = RulesEngineBenchmarks.Batch();

        // The three must agree before their speeds are compared.
        foreach (var facts in _batch.Take(5000).Append(_customer))
        {
            var language = _language.Evaluate(facts);
            var nrules = _nrules.Evaluate(facts);
            if (language.Outcome != nrules.Outcome || language.Message != nrules.Message || language.Message != _handWritten.Evaluate(facts).Message)
                throw new InvalidOperationException($"the forms disagree for {facts.Customer.Id}: {language.Message} / {nrules.Message}");
        }
    }

    [Benchmark(Baseline = true, Description = "hand-written C#, 20 invoices"), BenchmarkCategory("Single")]
    public RuleSetDecision HandWritten() => _handWritten.Evaluate(_customer);

    [Benchmark(Description = "rule language, 20 invoices"), BenchmarkCategory("Single")]
    public RuleSetDecision Language() => _language.Evaluate(_customer);

    [Benchmark(Description = "NRules sample, 20 invoices"), BenchmarkCategory("Single")]
    public RuleSetDecision NRules() => _nrules.Evaluate(_customer);

    [Benchmark(Baseline = true, Description = "hand-written C#, 100,000 customers"), BenchmarkCategory("Batch")]
    public int HandWrittenBatch() => Suspended(f => _handWritten.Evaluate(f));

    [Benchmark(Description = "rule language, 100,000 customers"), BenchmarkCategory("Batch")]
    public int LanguageBatch() => Suspended(f => _language.Evaluate(f));

    [Benchmark(Description = "NRules sample, 100,000 customers"), BenchmarkCategory("Batch")]
    public int NRulesBatch() => Suspended(f => _nrules.Evaluate(f));

    private int Suspended(Func<FactSet, RuleSetDecision> evaluate)
    {
        var suspended = 0;
        foreach (var facts in _batch)
            if (evaluate(facts).Outcome == DecisionOutcome.Suspend) suspended++;
        return suspended;
    }
}
