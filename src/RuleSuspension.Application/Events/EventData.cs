using System.Text.Json;
using RuleSuspension.Domain.Events;

namespace RuleSuspension.Application.Events;

/// <summary>The typed content of an event's <c>data</c> (DESIGN §4), read with every error named by its path.</summary>
public abstract record EventData
{
    public static EventData Read(string type, JsonElement data, ValidationErrors errors)
    {
        var reader = new DataReader(data, "data", errors);
        return type switch
        {
            EventTypes.CustomerSignedUp => ReadSignUp(reader.Object("customer")),
            EventTypes.CustomerPlanChanged => ReadPlanChange(reader),
            EventTypes.CrmOpportunityAdded => new OpportunityAdded(
                reader.String("opportunityId"), reader.String("boardId"), reader.OptionalString("boardName") ?? string.Empty,
                reader.String("stage"), reader.OptionalDecimal("value") ?? 0m),
            EventTypes.InvoiceIssued => new InvoiceIssued(
                reader.String("invoiceId"), reader.Decimal("amount"), reader.String("currency"),
                reader.Date("issuedAt"), reader.Date("dueDate")),
            EventTypes.InvoicePaid => new InvoicePaid(reader.String("invoiceId"), reader.Timestamp("paidAt")),
            EventTypes.IdentityVerified => new IdentityVerified(),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown event type."),
        };
    }

    private static SignedUp ReadSignUp(DataReader customer) => new(
        customer.String("name"), customer.String("email"), customer.String("tenantId"), customer.OptionalString("planId"),
        customer.OptionalBoolean("identityVerified") ?? false, customer.StringList("tags"), customer.StringList("accountManagers"),
        customer.OptionalBoolean("exempt"), customer.OptionalDate("exemptUntil"));

    private static PlanChanged ReadPlanChange(DataReader reader)
    {
        var toPlan = reader.Object("toPlan");
        return new PlanChanged(reader.OptionalString("fromPlanId"), toPlan.String("id"), toPlan.OptionalString("name") ?? string.Empty, toPlan.OptionalBoolean("requiresApproval") ?? false);
    }
}

/// <param name="Exempt">Null when the data does not say: an exemption already set is kept.</param>
/// <param name="ExemptUntil">The exemption's last day in the tenant's zone; alone it means exempt until then.</param>
public sealed record SignedUp(string Name, string Email, string TenantId, string? PlanId, bool IdentityVerified, IReadOnlyList<string> Tags, IReadOnlyList<string> AccountManagers, bool? Exempt = null, DateOnly? ExemptUntil = null) : EventData;

public sealed record PlanChanged(string? FromPlanId, string ToPlanId, string ToPlanName, bool RequiresApproval) : EventData;

public sealed record OpportunityAdded(string OpportunityId, string BoardId, string BoardName, string Stage, decimal Value) : EventData;

public sealed record InvoiceIssued(string InvoiceId, decimal Amount, string Currency, DateOnly IssuedAt, DateOnly DueDate) : EventData;

public sealed record InvoicePaid(string InvoiceId, DateTimeOffset PaidAt) : EventData;

public sealed record IdentityVerified : EventData;
