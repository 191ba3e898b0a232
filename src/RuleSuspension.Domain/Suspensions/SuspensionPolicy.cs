using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Customers;

namespace RuleSuspension.Domain.Suspensions;

/// <summary>
/// What the operator configured about suspensions: who may lift, and the effects a suspension has (the README's
/// "What a suspension does").
/// </summary>
public sealed record SuspensionPolicy
{
    /// <summary>The role that may lift a suspension (SuperAdmin may always).</summary>
    public Role LiftingRole { get; init; } = Role.SuperAdmin;

    /// <summary>Hosting profile: services stay billable while suspended.</summary>
    public bool KeepServicesBillable { get; init; }

    /// <summary>Shown to ordinary users whose login is refused.</summary>
    public string LoginRefusedMessage { get; init; } = "This account is suspended. Please contact support.";

    /// <summary>Shown to account managers, who may still sign in.</summary>
    public string AccountManagerMessage { get; init; } = "This customer is suspended; you are signed in as an account manager.";

    public static SuspensionPolicy Default { get; } = new();

    public bool MayLift(Role role) => role == LiftingRole || role == Role.SuperAdmin;

    /// <summary>The access a customer has while suspended.</summary>
    public CustomerAccess Restrict(CustomerAccess before) => before with
    {
        ActiveUser = false,
        Invoiced = KeepServicesBillable && before.Invoiced,
        Portal = PortalAccess.PayInvoicesOnly,
        NotificationsEnabled = false,
        IngestionEnabled = false,
    };
}
