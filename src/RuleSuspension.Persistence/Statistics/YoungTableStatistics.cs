namespace RuleSuspension.Persistence.Statistics;

/// <summary>
/// Keeps PostgreSQL's statistics up with tables that are growing from empty. The server's statements are prepared,
/// and PostgreSQL caches a generic plan for a prepared statement after its fifth run: planned on an empty table, that
/// plan picks whatever index is cheapest for no rows (the waiting-instances lookup used the <c>Status</c> index and
/// filtered every row: 2.5 ms at 20,000 instances instead of 0.03 ms), and keeps it until the table is analysed.
/// Autovacuum analyses only once a minute, so a fresh deploy pays for those plans through its first minute(s).
/// ANALYZE here invalidates the cached plans of the analysed table on every connection, which are then planned again
/// on the new statistics. Cheap: a young table is small, and a large one is left to autovacuum.
/// SQLite needs none of this: without statistics its planner assumes large tables and uses the indexes.
/// </summary>
public static class YoungTableStatistics
{
    /// <summary>How often the tables' growth is looked at.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    /// <summary>A table is analysed once this many rows changed since its statistics...</summary>
    public const int MinChangedRows = 500;

    /// <summary>...and they are at least this share of its rows (autovacuum's own share is 0.1).</summary>
    public const double MinChangedShare = 0.2;

    /// <summary>Past this many rows a table is autovacuum's alone: a fifth of it is a minute of heavy traffic.</summary>
    public const long MaxRows = 1_000_000;

    /// <summary>Analyses the tables that grew enough since their statistics; answers their names (none on SQLite or SQL Server).</summary>
    public static Task<IReadOnlyList<string>> AnalyseGrownTablesAsync(RuleSuspensionDb db, CancellationToken cancellationToken)
        => db.Dialect.AnalyseGrownTablesAsync(db, cancellationToken);
}
