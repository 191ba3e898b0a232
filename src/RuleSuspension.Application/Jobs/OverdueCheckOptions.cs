using RuleSuspension.Persistence;

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

    /// <summary>
    /// Batches checked at once on a database that takes several writers (PostgreSQL, SQL Server); a database with one
    /// writer (SQLite) checks one at a time whatever is set. Each batch holds a connection and its customers' locks.
    /// </summary>
    public int Parallelism { get; set; } = 2;

    /// <summary>
    /// True (the default): a batch's new rows (workflow instances, journal entries, suspensions, tasks, decision records,
    /// outbox messages, audit entries) are written set-based where the database has a way (PostgreSQL's binary
    /// <c>COPY</c>), the same rows EF's inserts write; false writes them all through EF's save.
    /// </summary>
    public bool SetBasedWrites { get; set; } = true;

    /// <summary>The rule set the check evaluates.</summary>
    public string RuleSet { get; set; } = "non-payment";

    /// <summary>The workflow the check runs per customer.</summary>
    public string Workflow { get; set; } = "overdue-invoices";

    /// <summary>How many batches are checked at once on <paramref name="dialect"/>'s database.</summary>
    internal int BatchesAtOnce(IDatabaseDialect dialect) => dialect.HasOneWriter ? 1 : Math.Clamp(Parallelism, 1, MaxParallelism);

    /// <summary>The most batches at once: each holds a pooled connection for as long as it runs.</summary>
    public const int MaxParallelism = 8;
}
