using System.Text.Json;
using RuleSuspension.Rules.Facts;

namespace RuleSuspension.Rules.Tests;

/// <summary>Builders of representative facts and small rule sets for the tests.</summary>
internal static class TestFacts
{
    public static readonly DateOnly Today = new(2026, 3, 1);

    public static CustomerFact Customer(string? planId = "basic", bool exempt = false, bool identityVerified = true) => new()
    {
        Id = "c-1", TenantId = "t-1", Name = "Acme Ltd", Email = "billing@acme.test", PlanId = planId,
        Tags = ["vip", "eu"], IdentityVerified = identityVerified, Exempt = exempt,
        AccountManagers = ["am@host.test"], Status = "active",
    };

    /// <summary>An unpaid invoice <paramref name="daysOverdue"/> days past its due date on <see cref="Today"/>.</summary>
    public static InvoiceFact Overdue(int daysOverdue, decimal amount = 100m, string id = "inv-1") =>
        InvoiceFact.AsOf(Today, id, amount, "EUR", Today.AddDays(-daysOverdue - 30), Today.AddDays(-daysOverdue));

    public static InvoiceFact Paid(int daysOverdueBeforePayment, decimal amount = 100m, string id = "inv-paid") =>
        InvoiceFact.AsOf(Today, id, amount, "EUR", Today.AddDays(-daysOverdueBeforePayment - 30), Today.AddDays(-daysOverdueBeforePayment), Today.AddDays(-1));

    public static FactSet FactsOf(CustomerFact? customer = null, IReadOnlyList<InvoiceFact>? invoices = null, OpportunityFact? opportunity = null,
        PlanFact? plan = null, EventFact? @event = null, IReadOnlyDictionary<string, JsonElement>? variables = null, RuleSetDecision? decision = null) => new()
    {
        Customer = customer ?? Customer(),
        Invoices = invoices ?? [],
        Opportunity = opportunity,
        Plan = plan,
        Event = @event,
        Today = Today,
        Now = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero),
        Variables = variables ?? new Dictionary<string, JsonElement>(),
        Decision = decision,
    };

    public static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    public static EventFact Event(string type, string data) => new()
    {
        Id = "e-1", Type = type, OccurredAt = new DateTimeOffset(2026, 2, 28, 12, 0, 0, TimeSpan.Zero), Data = Json(data),
    };

    /// <summary>Evaluates a standalone condition, failing the test with the errors if it does not compile.</summary>
    public static bool Holds(string condition, FactSet? facts = null)
    {
        var compilation = RuleExpression.CompileCondition(condition);
        Assert.True(compilation.Succeeded, string.Join("\n", compilation.Errors));
        return compilation.Condition!.Evaluate(facts ?? FactsOf());
    }

    public static IReadOnlyList<RuleError> ErrorsOf(string condition) => RuleExpression.CompileCondition(condition).Errors;

    public static RuleDefinition Rule(string name, string when, int priority = 0, params RuleAction[] then) => new()
    {
        Name = name, When = when, Priority = priority, Then = then.Length == 0 ? [Warn(name)] : then,
    };

    public static RuleAction Suspend(string reason, string? message = null) => new() { Type = "suspend", ReasonCode = reason, Message = message };
    public static RuleAction Review(string reason, string? message = null) => new() { Type = "review", ReasonCode = reason, Message = message };
    public static RuleAction Warn(string reason, string? message = null) => new() { Type = "warn", ReasonCode = reason, Message = message };
    public static RuleAction AssertFact(string fact, string value) => new() { Type = "assert", Fact = fact, Value = value };
    public static RuleAction Halt() => new() { Type = "halt" };

    public static CompiledRuleSet Compile(IEnumerable<RuleDefinition> rules, IEnumerable<ParameterDefinition>? parameters = null, RuleSetCompilerOptions? options = null)
    {
        var compilation = RuleSetCompiler.Compile(new RuleSetDocument { Name = "test", Rules = rules.ToList(), Parameters = (parameters ?? []).ToList() }, options);
        Assert.True(compilation.Succeeded, string.Join("\n", compilation.Errors));
        return compilation.RuleSet!;
    }

    public static ParameterDefinition Parameter(string name, string type, string defaultJson, decimal? min = null, decimal? max = null) => new()
    {
        Name = name, Type = type, Default = Json(defaultJson), Min = min, Max = max, Description = name,
    };

    public static CompiledRuleSet ShippedSet(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "rulesets", name + ".json");
        var compilation = RuleSetCompiler.Compile(File.ReadAllText(path));
        Assert.True(compilation.Succeeded, string.Join("\n", compilation.Errors));
        return compilation.RuleSet!;
    }
}
