using Microsoft.EntityFrameworkCore;
using RuleSuspension.Persistence.Statistics;

namespace RuleSuspension.Persistence.PostgreSql;

/// <summary>PostgreSQL's half of <see cref="YoungTableStatistics"/>: which tables grew, and ANALYZE on them.</summary>
internal static class PostgreSqlYoungTables
{
    // One node analyses at a time; the others skip that round rather than queue up behind it.
    private const long ClusterLockKey = 0x52_53_59_6F_75_6E_67; // "RSYoung"

    private const string GrownTables = """
        SELECT relname AS "Value" FROM pg_stat_user_tables
        WHERE schemaname = current_schema()
          AND n_mod_since_analyze >= {0}
          AND n_mod_since_analyze >= {1} * GREATEST(n_live_tup, 0)
          AND n_live_tup < {2}
        ORDER BY relname
        """;

    public static async Task<IReadOnlyList<string>> AnalyseGrownTablesAsync(RuleSuspensionDb db, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await db.Database.SqlQueryRaw<bool>($"SELECT pg_try_advisory_xact_lock({ClusterLockKey}) AS \"Value\"").SingleAsync(cancellationToken);
        if (!locked)
        {
            return [];
        }

        var tables = await db.Database
            .SqlQueryRaw<string>(string.Format(System.Globalization.CultureInfo.InvariantCulture, GrownTables, YoungTableStatistics.MinChangedRows, YoungTableStatistics.MinChangedShare, YoungTableStatistics.MaxRows))
            .ToListAsync(cancellationToken);
        foreach (var table in tables)
        {
            // The name comes from the catalogue, quoted as an identifier.
            var analyse = "ANALYZE \"" + table.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            await db.Database.ExecuteSqlRawAsync(analyse, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return tables;
    }
}
