using RuleSuspension.Application.Customers;
using RuleSuspension.Application.Tenants;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Billing;
using RuleSuspension.Domain.Common;
using RuleSuspension.Domain.Crm;
using RuleSuspension.Domain.Customers;
using RuleSuspension.Domain.Events;
using RuleSuspension.Persistence;
using RuleSuspension.Rules.Facts;

namespace RuleSuspension.Application.Facts;

/// <summary>Builds the facts a rule set sees for one customer from the read model.</summary>
public sealed class FactBuilder(RuleSuspensionDb db, TimeProvider clock)
{
    private static readonly CompiledQuery<Func<RuleSuspensionDb, string, IAsyncEnumerable<Invoice>>> StoredInvoices =
        new(() => EF.CompileAsyncQuery((RuleSuspensionDb db, string customerId) => db.Invoices.AsNoTracking().Where(i => i.CustomerId == customerId)));

    /// <summary>
    /// The facts of <paramref name="customerId"/>: the customer, its invoices (days overdue counted on
    /// <paramref name="asOf"/>, default today), its plan, the opportunity and event that triggered the evaluation.
    /// They are read as this unit of work sees them: what the triggering event changed is saved only at the commit.
    /// </summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="trigger">The event the evaluation is about, if any.</param>
    /// <param name="asOf">The date overdue days are counted on; null for today.</param>
    /// <param name="needs">The parts to read; what is not needed stays empty (no invoices, no plan, no opportunity).</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<FactSet> BuildAsync(string customerId, InboundEvent? trigger, DateOnly? asOf, FactNeeds needs, CancellationToken cancellationToken)
    {
        var customer = db.Tracked<Customer>(customerId)
            ?? await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken)
            ?? throw DomainException.NotFound("Customer", customerId);
        var invoices = needs.HasFlag(FactNeeds.Invoices)
            ? db.WithUnsaved(await StoredInvoices.For(db)(db, customerId).ToListAsync(cancellationToken), i => i.Id, i => i.CustomerId == customerId)
            : [];
        var plan = !needs.HasFlag(FactNeeds.Plan) || customer.PlanId is not { } planId ? null
            : db.Tracked<Plan>(planId) ?? await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        var opportunityId = needs.HasFlag(FactNeeds.Opportunity) && trigger?.Type == EventTypes.CrmOpportunityAdded ? OpportunityIdOf(trigger) : null;
        var opportunity = opportunityId is null ? null
            : db.Tracked<Opportunity>(opportunityId) ?? await db.Opportunities.AsNoTracking().FirstOrDefaultAsync(o => o.Id == opportunityId, cancellationToken);
        var now = clock.GetUtcNow();

        // An exemption's last day is a date in the tenant's zone: only then is the tenant's calendar worth a read.
        var today = asOf ?? (customer.ExemptUntil is not null
            ? await TenantCalendar.TodayForAsync(db, customer.TenantId, now, cancellationToken)
            : DateOnly.FromDateTime(now.UtcDateTime));
        return From(customer, invoices, plan, opportunity, trigger, today, now);
    }

    /// <summary>The same mapping for callers that loaded the rows themselves (batches of the overdue check); <paramref name="today"/> is the tenant's.</summary>
    public static FactSet From(Customer customer, IEnumerable<Invoice> invoices, Plan? plan, Opportunity? opportunity, InboundEvent? trigger, DateOnly today, DateTimeOffset now) => new()
    {
        Customer = new CustomerFact
        {
            Id = customer.Id,
            TenantId = customer.TenantId,
            Name = customer.Name,
            Email = customer.Email,
            PlanId = customer.PlanId,
            Tags = customer.Tags,
            IdentityVerified = customer.IdentityVerified,
            Exempt = customer.IsExemptOn(today),
            AccountManagers = customer.AccountManagers,
            Status = customer.Status == CustomerStatus.Suspended ? "suspended" : "active",
            Suspended = customer.Status == CustomerStatus.Suspended,
        },
        Invoices = invoices.Select(i => InvoiceFact.AsOf(
            today, i.Id, i.Amount, i.Currency, i.IssuedAt, i.DueDate,
            i.PaidAt is { } paid ? DateOnly.FromDateTime(paid.UtcDateTime) : null)).ToList(),
        Plan = plan is null ? null : new PlanFact { Id = plan.Id, Name = plan.Name, RequiresApproval = plan.RequiresApproval },
        Opportunity = opportunity is null ? null : new OpportunityFact { Id = opportunity.Id, BoardId = opportunity.BoardId, BoardName = opportunity.BoardName, Stage = opportunity.Stage, Value = opportunity.Value },
        Event = trigger is null ? null : new EventFact { Id = trigger.Id, Type = trigger.Type, OccurredAt = trigger.OccurredAt, Data = JsonDocument.Parse(trigger.Data).RootElement.Clone() },
        Today = today,
        Now = now,
    };

    private static string? OpportunityIdOf(InboundEvent trigger)
    {
        using var data = JsonDocument.Parse(trigger.Data);
        return data.RootElement.TryGetProperty("opportunityId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
    }
}
