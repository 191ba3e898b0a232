using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RuleSuspension.Application.Customers;
using RuleSuspension.Application.Invoices;
using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Billing;
using RuleSuspension.Domain.Common;
using RuleSuspension.Domain.Crm;
using RuleSuspension.Domain.Customers;
using RuleSuspension.Domain.Events;
using RuleSuspension.Persistence;
using RuleSuspension.Persistence.Locking;

namespace RuleSuspension.Application.Events;

public sealed record IngestEvent(EventEnvelope Envelope, Actor By);

public enum IngestOutcome
{
    Processed,
    Duplicate,
}

public sealed record IngestResult(string EventId, IngestOutcome Outcome);

/// <summary>
/// Stores an event once per id and updates the read model from it, in one transaction; then tells the observers
/// (the workflow runtime) about it.
/// </summary>
public sealed class IngestEventHandler(
    RuleSuspensionDb db,
    TimeProvider clock,
    IEnumerable<IInboundEventObserver> observers,
    ILogger<IngestEventHandler> logger,
    CustomerLock customerLock)
{
    public async Task<IngestResult> Handle(IngestEvent command, CancellationToken cancellationToken)
    {
        var (envelope, data) = Validate(command.Envelope);

        // One customer's events are handled one at a time, across nodes, and the observers (the workflow runtime) run
        // in the same transaction as the insert: an event stored never loses its workflow start. Everything is written
        // by one save at the commit; a repeated id is found then by the primary key, not by a query on every event.
        await using var locked = await customerLock.AcquireAsync(db, envelope.CustomerId!, cancellationToken);

        var now = clock.GetUtcNow();
        var stored = new InboundEvent(envelope.Id!, envelope.Type!, envelope.OccurredAt!.Value, envelope.CustomerId!, envelope.Data.GetRawText(), now);
        await ApplyToReadModel(stored, data, command.By, cancellationToken);
        db.Events.Add(stored);
        foreach (var observer in observers)
        {
            await observer.OnEventReceived(stored, cancellationToken);
        }

        try
        {
            await locked.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsConflict(e))
        {
            // The id was stored before (a repeat), or by a concurrent request just now: what this request did is
            // rolled back with the event.
            await locked.RollbackAsync(cancellationToken);
            if (await IsStoredByAnother(stored.Id, cancellationToken))
            {
                return new IngestResult(stored.Id, IngestOutcome.Duplicate);
            }

            throw;
        }

        logger.LogDebug("Stored event {EventId} ({EventType}) for customer {CustomerId}", stored.Id, stored.Type, stored.CustomerId);
        return new IngestResult(stored.Id, IngestOutcome.Processed);
    }

    private static (EventEnvelope Envelope, EventData Data) Validate(EventEnvelope envelope)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(envelope.Id))
        {
            errors.Add("id", "is required.");
        }
        else if (envelope.Id.Length > 128)
        {
            errors.Add("id", "must be at most 128 characters.");
        }

        if (string.IsNullOrWhiteSpace(envelope.Type))
        {
            errors.Add("type", "is required.");
        }
        else if (!EventTypes.IsKnown(envelope.Type))
        {
            errors.Add("type", $"'{envelope.Type}' is not a known event type; expected one of {string.Join(", ", EventTypes.All)}.");
        }

        if (envelope.OccurredAt is null)
        {
            errors.Add("occurredAt", "is required.");
        }

        if (string.IsNullOrWhiteSpace(envelope.CustomerId))
        {
            errors.Add("customerId", "is required.");
        }

        if (envelope.Data.ValueKind != JsonValueKind.Object)
        {
            errors.Add("data", envelope.Data.ValueKind == JsonValueKind.Undefined ? "is required." : "must be an object.");
        }

        var data = EventTypes.IsKnown(envelope.Type) && envelope.Data.ValueKind == JsonValueKind.Object
            ? EventData.Read(envelope.Type!, envelope.Data, errors)
            : null;
        errors.ThrowIfAny();
        return (envelope, data!);
    }

    private async Task ApplyToReadModel(InboundEvent stored, EventData data, Actor by, CancellationToken cancellationToken)
    {
        var at = clock.GetUtcNow();
        switch (data)
        {
            case SignedUp s:
                var existing = await db.FindWithActiveSuspensionAsync(stored.CustomerId, cancellationToken);
                var saysExemption = s.Exempt is not null || s.ExemptUntil is not null;

                // A re-sent sign-up that says nothing of the exemption must not clear one an operator set.
                var profile = new CustomerProfile(s.TenantId, s.Name, s.Email, s.PlanId, s.Tags, s.IdentityVerified,
                    saysExemption ? s.Exempt ?? true : existing?.Exempt ?? false, s.AccountManagers)
                {
                    ExemptUntil = saysExemption ? s.ExemptUntil : existing?.ExemptUntil,
                };
                var why = $"{stored.Type} event {stored.Id}";
                if (existing is not null)
                {
                    existing.UpdateProfile(profile, by, at, why);
                }
                else
                {
                    db.Customers.Add(new Customer(stored.CustomerId, profile, by, at, why));
                }

                break;
            case PlanChanged p:
                var plan = await db.Plans.FindAsync([p.ToPlanId], cancellationToken);
                if (plan is null)
                {
                    db.Plans.Add(new Plan(p.ToPlanId, p.ToPlanName, p.RequiresApproval));
                }
                else
                {
                    plan.Update(p.ToPlanName, p.RequiresApproval);
                }

                (await RequireCustomer(stored.CustomerId, cancellationToken)).ChangePlan(p.ToPlanId, by, at);
                break;
            case OpportunityAdded o:
                await RequireCustomer(stored.CustomerId, cancellationToken);
                var opportunity = await db.Opportunities.FindAsync([o.OpportunityId], cancellationToken);
                if (opportunity is null)
                {
                    db.Opportunities.Add(new Opportunity(o.OpportunityId, stored.CustomerId, o.BoardId, o.BoardName, o.Stage, o.Value));
                }
                else
                {
                    opportunity.Move(o.BoardName, o.Stage, o.Value);
                }

                break;
            case InvoiceIssued i:
                await UpsertInvoiceHandler.Apply(db, new UpsertInvoice(i.InvoiceId, stored.CustomerId, i.Amount, i.Currency, i.IssuedAt, i.DueDate, null), cancellationToken);
                break;
            case InvoicePaid paid:
                var invoice = await db.Invoices.FindAsync([paid.InvoiceId], cancellationToken)
                    ?? throw DomainException.Invalid("data.invoiceId", $"Invoice '{paid.InvoiceId}' is unknown; send invoice.issued or PUT /api/invoices/{paid.InvoiceId} first.");
                invoice.MarkPaid(paid.PaidAt);
                break;
            case IdentityVerified:
                (await RequireCustomer(stored.CustomerId, cancellationToken)).MarkIdentityVerified(by, at);
                break;
        }
    }

    private async Task<Customer> RequireCustomer(string customerId, CancellationToken cancellationToken)
        => await db.FindWithActiveSuspensionAsync(customerId, cancellationToken)
           ?? throw DomainException.Invalid("customerId", $"Customer '{customerId}' is unknown; send customer.signed-up or PUT /api/customers/{customerId} first.");

    private async Task<bool> IsStoredByAnother(string eventId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.Events.AnyAsync(e => e.Id == eventId, cancellationToken);
    }
}
