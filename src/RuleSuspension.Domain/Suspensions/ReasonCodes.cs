namespace RuleSuspension.Domain.Suspensions;

/// <summary>The reason codes of DESIGN §3.</summary>
public static class ReasonCodes
{
    public const string NonPayment = "non-payment";
    public const string IdentityCheck = "identity-check";
    public const string PlanApproval = "plan-approval";
    public const string Crm = "crm";
    public const string Investigation = "investigation";
    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } = [NonPayment, IdentityCheck, PlanApproval, Crm, Investigation, Other];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code);
}
