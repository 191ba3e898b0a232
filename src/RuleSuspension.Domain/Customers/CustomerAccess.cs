namespace RuleSuspension.Domain.Customers;

/// <summary>What a customer may do right now. A suspension changes it and keeps the previous value to restore on lift.</summary>
public sealed record CustomerAccess(
    bool ActiveUser,
    bool Invoiced,
    PortalAccess Portal,
    bool NotificationsEnabled,
    bool IngestionEnabled)
{
    public static CustomerAccess Full { get; } = new(true, true, PortalAccess.Full, true, true);
}

public enum PortalAccess
{
    Full,
    PayInvoicesOnly,
}
