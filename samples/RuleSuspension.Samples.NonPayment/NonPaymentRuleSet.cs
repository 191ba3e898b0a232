using RuleSuspension.Rules.NRules;

namespace RuleSuspension.Samples.NonPayment;

/// <summary>
/// The shipped <c>non-payment</c> rules as NRules C#: same parameters, same decisions, same reason codes and messages.
/// Its rules are the <c>Rule</c> classes of this namespace.
/// </summary>
public sealed class NonPaymentRuleSet : CodeRuleSet<NonPaymentParameters>
{
    public override string Name => "non-payment-code";

    public override string Description =>
        "The overdue-invoice check written in C# with NRules: suspends when an unpaid invoice is more than the grace days (per plan, else graceDays) past due and the overdue balance reaches minOverdueAmount; otherwise warns from warningDays. Exempt customers are never suspended or warned.";
}

/// <summary>The thresholds finance edits, as in <c>non-payment.json</c>.</summary>
public sealed record NonPaymentParameters
{
    [Parameter(Min = 0, Max = 365, Description = "Days past the due date an unpaid invoice is tolerated. Suspension happens when an invoice is MORE than this many days overdue.")]
    public int GraceDays { get; init; } = 30;

    [Parameter(Min = 0, Max = 365, Description = "Days past the due date from which (inclusive) an unpaid invoice triggers a warning, when the customer is not being suspended.")]
    public int WarningDays { get; init; } = 7;

    [Parameter(Min = 0, Description = "Smallest overdue unpaid balance (sum of the unpaid amounts of all overdue invoices) that can lead to a suspension.")]
    public decimal MinOverdueAmount { get; init; } = 0.01m;

    [Parameter(Min = 0, Max = 365, Description = "Grace days per plan id, replacing graceDays for customers on that plan, e.g. { \"enterprise\": 60 }.")]
    public IReadOnlyDictionary<string, decimal> GraceDaysByPlan { get; init; } = new Dictionary<string, decimal>();
}

/// <summary>Derived fact: the overdue unpaid balance.</summary>
public sealed record OverdueBalance(decimal Amount);

/// <summary>Derived fact: the grace days that apply to the customer's plan.</summary>
public sealed record GraceDays(decimal Days);
