namespace RuleSuspension.Domain.Events;

/// <summary>The event types the host platform sends (docs/api.md, "Event data").</summary>
public static class EventTypes
{
    public const string CustomerSignedUp = "customer.signed-up";
    public const string CustomerPlanChanged = "customer.plan-changed";
    public const string CrmOpportunityAdded = "crm.opportunity-added";
    public const string InvoiceIssued = "invoice.issued";
    public const string InvoicePaid = "invoice.paid";
    public const string IdentityVerified = "identity.verified";

    public static IReadOnlyList<string> All { get; } =
        [CustomerSignedUp, CustomerPlanChanged, CrmOpportunityAdded, InvoiceIssued, InvoicePaid, IdentityVerified];

    public static bool IsKnown(string? type) => type is not null && All.Contains(type);
}
