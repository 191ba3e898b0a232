using RuleSuspension.Domain.Common;

namespace RuleSuspension.Domain.Suspensions;

/// <summary>The reason codes a suspension may carry.</summary>
public static class ReasonCodes
{
    public const string NonPayment = "non-payment";
    public const string IdentityCheck = "identity-check";
    public const string PlanApproval = "plan-approval";
    public const string Crm = "crm";
    public const string Investigation = "investigation";
    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } = [NonPayment, IdentityCheck, PlanApproval, Crm, Investigation, Other];

    public static bool IsKnown(string? code) => Find(code) is not null;

    /// <summary>The code as spelled here, matched in any case (<c>Non-Payment</c> is <c>non-payment</c>); null when unknown.</summary>
    public static string? Find(string? code) => EnumeratedValue.Match(All, code);
}
