using RuleSuspension.Domain.Customers;
using RuleSuspension.Domain.Suspensions;

namespace RuleSuspension.Server.Contracts;

/// <summary>How enum values are spelled on the wire.</summary>
internal static class Wire
{
    public static string Of(CustomerStatus status) => status == CustomerStatus.Suspended ? "suspended" : "active";

    public static string Of(SuspensionKind kind) => kind == SuspensionKind.Automatic ? "automatic" : "manual";

    public static string Of(PortalAccess portal) => portal == PortalAccess.PayInvoicesOnly ? "pay-invoices-only" : "full";
}
