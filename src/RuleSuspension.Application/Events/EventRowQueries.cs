using Microsoft.EntityFrameworkCore;
using RuleSuspension.Application.Customers;
using RuleSuspension.Domain.Billing;
using RuleSuspension.Domain.Crm;
using RuleSuspension.Persistence;

namespace RuleSuspension.Application.Events;

/// <summary>
/// The rows an event names (its plan, opportunity or invoice), found by primary key as <c>DbSet.FindAsync</c> finds
/// them (the entity this unit of work tracks, else the stored row, then tracked), but through compiled queries:
/// <c>FindAsync</c> builds a new LINQ expression on every call, which EF then walks, compares with its cache and
/// partly interprets; that was about 6 % of the server's CPU under mixed traffic.
/// </summary>
internal static class EventRowQueries
{
    private static readonly CompiledQuery<Func<RuleSuspensionDb, string, CancellationToken, Task<Plan?>>> PlanById =
        new(() => EF.CompileAsyncQuery((RuleSuspensionDb db, string id, CancellationToken _) => db.Plans.FirstOrDefault(p => p.Id == id)));

    private static readonly CompiledQuery<Func<RuleSuspensionDb, string, CancellationToken, Task<Opportunity?>>> OpportunityById =
        new(() => EF.CompileAsyncQuery((RuleSuspensionDb db, string id, CancellationToken _) => db.Opportunities.FirstOrDefault(o => o.Id == id)));

    private static readonly CompiledQuery<Func<RuleSuspensionDb, string, CancellationToken, Task<Invoice?>>> InvoiceById =
        new(() => EF.CompileAsyncQuery((RuleSuspensionDb db, string id, CancellationToken _) => db.Invoices.FirstOrDefault(i => i.Id == id)));

    public static async Task<Plan?> FindPlanAsync(this RuleSuspensionDb db, string id, CancellationToken cancellationToken)
        => db.Tracked<Plan>(id) ?? await PlanById.For(db)(db, id, cancellationToken);

    public static async Task<Opportunity?> FindOpportunityAsync(this RuleSuspensionDb db, string id, CancellationToken cancellationToken)
        => db.Tracked<Opportunity>(id) ?? await OpportunityById.For(db)(db, id, cancellationToken);

    public static async Task<Invoice?> FindInvoiceAsync(this RuleSuspensionDb db, string id, CancellationToken cancellationToken)
        => db.Tracked<Invoice>(id) ?? await InvoiceById.For(db)(db, id, cancellationToken);
}
