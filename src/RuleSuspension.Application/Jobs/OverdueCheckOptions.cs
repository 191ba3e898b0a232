namespace RuleSuspension.Application.Jobs;

/// <summary>The <c>OverdueCheck</c> configuration section.</summary>
public sealed class OverdueCheckOptions
{
    /// <summary>Quartz cron expression (seconds first); default daily at 02:00.</summary>
    public string Cron { get; set; } = "0 0 2 * * ?";

    /// <summary>The cron's time zone (IANA id); default UTC.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Customers per batch: loaded, decided and written in one transaction.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>The rule set the check evaluates.</summary>
    public string RuleSet { get; set; } = "non-payment";

    /// <summary>The workflow the check runs per customer.</summary>
    public string Workflow { get; set; } = "overdue-invoices";
}
