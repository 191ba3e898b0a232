using BenchmarkDotNet.Attributes;
using RuleSuspension.Domain.Access;
using RuleSuspension.Rules;
using RuleSuspension.Rules.Facts;
using RuleSuspension.Workflows.Definitions;
using RuleSuspension.Workflows.Runtime;
using RuleSuspension.Workflows.Validation;

namespace RuleSuspension.Benchmarks.Workflows;

/// <summary>
/// Workflow steps per second in memory: the shipped <c>signup-identity-check</c> workflow from a sign-up to the lift
/// (evaluate the real <c>signup</c> rule set, suspend, notify, open the lift task and wait; then the person's Lift
/// resumes it: lift, end). Steps per second = <see cref="StepsPerRun"/> / the mean time.
/// </summary>
[MemoryDiagnoser]
public class WorkflowEngineBenchmarks
{
    private WorkflowDefinition _definition = null!;
    private InMemoryPorts _ports = null!;
    private WorkflowEngine _engine = null!;

    /// <summary>Journal entries (steps) one run writes; printed at set-up.</summary>
    public int StepsPerRun { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var errors = new List<WorkflowValidationError>();
        _definition = WorkflowJson.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows", "signup-identity-check.json")), errors)
            ?? throw new InvalidOperationException(string.Join("; ", errors));
        _definition = _definition with { Version = 1 };
        var ruleSet = RuleSetCompiler.Compile(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "rulesets", "signup.json"))).RuleSet!;
        var facts = new FactSet
        {
            Customer = new CustomerFact { Id = "c-1", Name = "Ada", Email = "ada@example.com", IdentityVerified = false },
            Today = new DateOnly(2026, 11, 21),
            Now = new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero),
        };
        _ports = new InMemoryPorts(ruleSet, facts);
        _engine = new WorkflowEngine(_ports, _ports, _ports, _ports, _ports, _ports, _ports, TimeProvider.System);
        var before = _ports.Steps;
        SignUpToLift().GetAwaiter().GetResult();
        StepsPerRun = _ports.Steps - before;
        Console.WriteLine($"// steps per run: {StepsPerRun}");
    }

    [Benchmark]
    public async Task<WorkflowStatus> SignUpToLift()
    {
        var instance = _engine.CreateInstance(_definition, "c-1", null);
        await _engine.StartAsync(_definition, instance, CancellationToken.None);
        var completion = new TaskCompletion(_ports.LastTask, instance.CurrentActivityId!, "Lift", "grace", Role.SuperAdmin, "Identity checked by phone", DateTimeOffset.UtcNow);
        await _engine.ResumeAsync(_definition, instance, new TaskCompletedSignal(completion), CancellationToken.None);
        return instance.Status;
    }
}
