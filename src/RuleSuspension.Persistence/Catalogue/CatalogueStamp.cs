using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.RuleSets;
using RuleSuspension.Workflows.Definitions;

namespace RuleSuspension.Persistence.Catalogue;

/// <summary>Records a <see cref="CatalogueChange"/> with every save that changes rule set or workflow versions.</summary>
internal static class CatalogueStamp
{
    /// <summary>The stamp: the count of committed changes (as <c>Value</c>, for EF's scalar queries).</summary>
    public const string CountSql = "SELECT count(*) AS \"Value\" FROM \"CatalogueChanges\"";

    /// <remarks>The caller has detected changes: a version published in memory is already Modified.</remarks>
    public static void Record(RuleSuspensionDb db, DateTimeOffset at)
    {
        if (Changed<RuleSetVersion>(db) || Changed<WorkflowVersion>(db))
        {
            db.CatalogueChanges.Add(new CatalogueChange(at));
        }
    }

    private static bool Changed<T>(RuleSuspensionDb db) where T : class
        => db.ChangeTracker.Entries<T>().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);
}
