using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Common;
using RuleSuspension.Domain.Customers;
using RuleSuspension.Persistence;

namespace RuleSuspension.Application.Customers;

public static class CustomerQueries
{
    // Every event reads its customer.
    private static readonly CompiledQuery<Func<RuleSuspensionDb, string, CancellationToken, Task<Customer?>>> CustomerWithActiveSuspension =
        new(() => EF.CompileAsyncQuery((RuleSuspensionDb db, string id, CancellationToken _) =>
            db.Customers.Include(c => c.Suspensions.Where(s => s.LiftedAt == null)).FirstOrDefault(c => c.Id == id)));

    /// <summary>
    /// Loads a customer with its active suspension (the part of the aggregate its invariants need). A customer this
    /// context already tracks is returned as it is, saved or not: every tracked customer came through here (or was
    /// created), so its active suspension is loaded, and a unit of work sees its own changes before it saves them.
    /// </summary>
    public static async Task<Customer?> FindWithActiveSuspensionAsync(this RuleSuspensionDb db, string id, CancellationToken cancellationToken)
        => db.Tracked<Customer>(id) ?? await CustomerWithActiveSuspension.For(db)(db, id, cancellationToken);

    public static async Task<Customer> GetWithActiveSuspensionAsync(this RuleSuspensionDb db, string id, CancellationToken cancellationToken)
        => await db.FindWithActiveSuspensionAsync(id, cancellationToken) ?? throw DomainException.NotFound("Customer", id);

    /// <summary>
    /// The entity with this key if the context tracks it, found in the identity map: no query, and no scan of the
    /// tracked entities (which would make a batch of many customers quadratic).
    /// </summary>
    public static T? Tracked<T>(this RuleSuspensionDb db, object key) where T : class
        => WithoutDetectingChanges(db, () => db.Set<T>().Local.FindEntryUntyped([key])?.Entity);

    /// <summary>
    /// The rows of <paramref name="stored"/> as this unit of work sees them: an entity the context tracks (changed or
    /// added, not saved yet) stands for its stored row, and the tracked ones that <paramref name="belongs"/> but are
    /// not stored yet are added. The in-memory entity always holds its current values, so no change detection is needed.
    /// </summary>
    public static List<T> WithUnsaved<T, TKey>(this RuleSuspensionDb db, IReadOnlyList<T> stored, Func<T, TKey> key, Func<T, bool> belongs)
        where T : class
        where TKey : notnull
    {
        var tracked = WithoutDetectingChanges(db, () => db.ChangeTracker.Entries<T>()
            .Where(e => e.State != EntityState.Deleted && belongs(e.Entity))
            .ToDictionary(e => key(e.Entity), e => e.Entity));
        if (tracked.Count == 0)
        {
            return stored as List<T> ?? [.. stored];
        }

        var merged = stored.Select(row => tracked.Remove(key(row), out var current) ? current : row).ToList();
        merged.AddRange(tracked.Values);
        return merged;
    }

    private static TResult WithoutDetectingChanges<TResult>(RuleSuspensionDb db, Func<TResult> read)
    {
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return read();
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }
}
