using System.Linq.Expressions;
using RuleSuspension.Rules.Compilation;
using RuleSuspension.Rules.Facts;

namespace RuleSuspension.Rules.Language.Typing;

/// <summary>The fact model as rules see it: camelCase names mapped explicitly to the C# fact properties.</summary>
internal static class FactSchema
{
    public static readonly ObjectSchema Customer = new ObjectSchema("customer", typeof(CustomerFact))
        .Property("id", RuleType.String, nameof(CustomerFact.Id))
        .Property("tenantId", RuleType.String, nameof(CustomerFact.TenantId))
        .Property("name", RuleType.String, nameof(CustomerFact.Name))
        .Property("email", RuleType.String, nameof(CustomerFact.Email))
        .Property("planId", RuleType.String.Nullable(), nameof(CustomerFact.PlanId))
        .Property("tags", RuleType.ListOf(RuleType.String), nameof(CustomerFact.Tags))
        .Property("identityVerified", RuleType.Boolean, nameof(CustomerFact.IdentityVerified))
        .Property("exempt", RuleType.Boolean, nameof(CustomerFact.Exempt))
        .Property("accountManagers", RuleType.ListOf(RuleType.String), nameof(CustomerFact.AccountManagers))
        .Property("status", RuleType.String, nameof(CustomerFact.Status))
        .Property("suspended", RuleType.Boolean, nameof(CustomerFact.Suspended));

    public static readonly ObjectSchema Invoice = new ObjectSchema("invoice", typeof(InvoiceFact))
        .Property("id", RuleType.String, nameof(InvoiceFact.Id))
        .Property("amount", RuleType.Number, nameof(InvoiceFact.Amount))
        .Property("currency", RuleType.String, nameof(InvoiceFact.Currency))
        .Property("issuedAt", RuleType.Date, nameof(InvoiceFact.IssuedAt))
        .Property("dueDate", RuleType.Date, nameof(InvoiceFact.DueDate))
        .Property("paidAt", RuleType.Date.Nullable(), nameof(InvoiceFact.PaidAt))
        .Property("paid", RuleType.Boolean, nameof(InvoiceFact.Paid))
        .Property("daysOverdue", RuleType.Integer, nameof(InvoiceFact.DaysOverdue))
        .Property("amountDue", RuleType.Number, nameof(InvoiceFact.AmountDue));

    public static readonly ObjectSchema Opportunity = new ObjectSchema("opportunity", typeof(OpportunityFact))
        .Property("id", RuleType.String, nameof(OpportunityFact.Id))
        .Property("boardId", RuleType.String, nameof(OpportunityFact.BoardId))
        .Property("boardName", RuleType.String, nameof(OpportunityFact.BoardName))
        .Property("stage", RuleType.String, nameof(OpportunityFact.Stage))
        .Property("value", RuleType.Number, nameof(OpportunityFact.Value));

    public static readonly ObjectSchema Plan = new ObjectSchema("plan", typeof(PlanFact))
        .Property("id", RuleType.String, nameof(PlanFact.Id))
        .Property("name", RuleType.String, nameof(PlanFact.Name))
        .Property("requiresApproval", RuleType.Boolean, nameof(PlanFact.RequiresApproval));

    public static readonly ObjectSchema Event = new ObjectSchema("event", typeof(EventFact))
        .Property("id", RuleType.String, nameof(EventFact.Id))
        .Property("type", RuleType.String, nameof(EventFact.Type))
        .Property("occurredAt", RuleType.DateTime, nameof(EventFact.OccurredAt))
        .Property("data", RuleType.Json, nameof(EventFact.Data));

    public static readonly ObjectSchema Decision = new ObjectSchema("decision", typeof(RuleSetDecision))
        .Computed("outcome", RuleType.String, target => Expression.Call(
            typeof(RuleRuntime).GetMethod(nameof(RuleRuntime.OutcomeName))!,
            Expression.Property(target, nameof(RuleSetDecision.Outcome))))
        .Property("reasonCode", RuleType.String.Nullable(), nameof(RuleSetDecision.ReasonCode))
        .Property("message", RuleType.String.Nullable(), nameof(RuleSetDecision.Message));

    /// <summary>A root name of the language (<c>customer</c>, <c>invoices</c>, ...) read from the FactSet.</summary>
    public sealed record Root(string Name, RuleType Type, string FactSetProperty);

    public static readonly IReadOnlyDictionary<string, Root> Roots = new Dictionary<string, Root>(StringComparer.Ordinal)
    {
        ["customer"] = new("customer", RuleType.ObjectOf(Customer), nameof(FactSet.Customer)),
        ["invoices"] = new("invoices", RuleType.ListOf(RuleType.ObjectOf(Invoice)), nameof(FactSet.Invoices)),
        ["opportunity"] = new("opportunity", RuleType.ObjectOf(Opportunity).Nullable(), nameof(FactSet.Opportunity)),
        ["plan"] = new("plan", RuleType.ObjectOf(Plan).Nullable(), nameof(FactSet.Plan)),
        ["event"] = new("event", RuleType.ObjectOf(Event).Nullable(), nameof(FactSet.Event)),
        ["decision"] = new("decision", RuleType.ObjectOf(Decision).Nullable(), nameof(FactSet.Decision)),
        ["today"] = new("today", RuleType.Date, nameof(FactSet.Today)),
        ["now"] = new("now", RuleType.DateTime, nameof(FactSet.Now)),
        ["variables"] = new("variables", RuleType.MapOf(RuleType.Json), nameof(FactSet.Variables)),
    };
}
