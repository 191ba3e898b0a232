using System.Text.Json;

namespace RuleSuspension.Rules.Facts;

/// <summary>Everything one evaluation can see. Filled by the application layer; never mutated by the engine.</summary>
public sealed record FactSet
{
    private static readonly IReadOnlyDictionary<string, JsonElement> NoVariables = new Dictionary<string, JsonElement>();

    /// <summary>The customer (<c>customer</c>).</summary>
    public required CustomerFact Customer { get; init; }
    /// <summary>The customer's invoices (<c>invoices</c>).</summary>
    public IReadOnlyList<InvoiceFact> Invoices { get; init; } = [];
    /// <summary>The opportunity in question, if any (<c>opportunity</c>).</summary>
    public OpportunityFact? Opportunity { get; init; }
    /// <summary>The plan in question, if any (<c>plan</c>).</summary>
    public PlanFact? Plan { get; init; }
    /// <summary>The triggering event, if any (<c>event</c>).</summary>
    public EventFact? Event { get; init; }
    /// <summary>The check's date in the tenant's time zone (<c>today</c>).</summary>
    public DateOnly Today { get; init; }
    /// <summary>The check's instant (<c>now</c>).</summary>
    public DateTimeOffset Now { get; init; }
    /// <summary>Workflow variables (<c>variables.x</c>, type json).</summary>
    public IReadOnlyDictionary<string, JsonElement> Variables { get; init; } = NoVariables;
    /// <summary>The last rule-set decision of the running workflow, if any (<c>decision.outcome</c>, <c>decision.reasonCode</c>).</summary>
    public RuleSetDecision? Decision { get; init; }
}
