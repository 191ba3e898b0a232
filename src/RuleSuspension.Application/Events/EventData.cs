using System.Text.Json;
using RuleSuspension.Application.Customers;
using RuleSuspension.Application.Invoices;
using RuleSuspension.Domain.Customers;
using RuleSuspension.Domain.Events;

namespace RuleSuspension.Application.Events;

/// <summary>The typed content of an event's <c>data</c>, read with every error named by its path.</summary>
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

    /// <summary>Records every bound (the README's "Limits") the content breaks, each under its path.</summary>
    public void Check(InputLimits limits, ValidationErrors errors)
    {
        switch (this)
        {
            case SignedUp s:
                limits.Check(new CustomerProfile(s.TenantId, s.Name, s.Email, s.PlanId, s.Tags, s.IdentityVerified, false, s.AccountManagers), errors, "data.customer.");
                break;
            case PlanChanged p:
                if (p.FromPlanId is not null)
                {
                    errors.CheckId("data.fromPlanId", p.FromPlanId);
                }

                errors.CheckId("data.toPlan.id", p.ToPlanId);
                errors.CheckText("data.toPlan.name", p.ToPlanName, limits.LabelLength);
                break;
            case OpportunityAdded o:
                errors.CheckId("data.opportunityId", o.OpportunityId);
                errors.CheckId("data.boardId", o.BoardId);
                errors.CheckText("data.boardName", o.BoardName, limits.LabelLength);
                errors.CheckText("data.stage", o.Stage, limits.LabelLength);
                errors.Check("data.value", limits.AmountProblem(o.Value));
                break;
            case InvoiceIssued i:
                errors.CheckId("data.invoiceId", i.InvoiceId);
                limits.CheckInvoice(errors, "data.", i.Amount, i.Currency, i.IssuedAt, i.DueDate, null);
                break;
            case InvoicePaid paid:
                errors.CheckId("data.invoiceId", paid.InvoiceId);
                errors.Check("data.paidAt", limits.DateProblem(DateOnly.FromDateTime(paid.PaidAt.UtcDateTime)));
                break;
        }
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

/// <param name="Exempt">Null when the data does not say: exempt only if <paramref name="ExemptUntil"/> is given.</param>
/// <param name="ExemptUntil">The exemption's last day in the tenant's zone; alone it means exempt until then.</param>
public sealed record SignedUp(string Name, string Email, string TenantId, string? PlanId, bool IdentityVerified, IReadOnlyList<string> Tags, IReadOnlyList<string> AccountManagers, bool? Exempt = null, DateOnly? ExemptUntil = null) : EventData;

public sealed record PlanChanged(string? FromPlanId, string ToPlanId, string ToPlanName, bool RequiresApproval) : EventData;

public sealed record OpportunityAdded(string OpportunityId, string BoardId, string BoardName, string Stage, decimal Value) : EventData;

public sealed record InvoiceIssued(string InvoiceId, decimal Amount, string Currency, DateOnly IssuedAt, DateOnly DueDate) : EventData;

public sealed record InvoicePaid(string InvoiceId, DateTimeOffset PaidAt) : EventData;

public sealed record IdentityVerified : EventData;
