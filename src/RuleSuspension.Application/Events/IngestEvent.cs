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
    CustomerLock customerLock,
    InputLimits limits,
    IngestionGate gate)
{
    public async Task<IngestResult> Handle(IngestEvent command, CancellationToken cancellationToken)
    {
        var (envelope, data) = Validate(command.Envelope);

        // A bounded number of events hold a connection and a customer's lock at once; the rest wait their turn here.
        using var turn = await gate.EnterAsync(cancellationToken);

        // A conflict that is not this event's id is a row another customer's event inserted just before this commit
        // (the first events naming a new plan race to insert it): once that has committed, the event applies cleanly.
        return await HandleOnce(command, envelope, data, cancellationToken)
            ?? await HandleOnce(command, envelope, data, cancellationToken)
            ?? throw DomainException.Conflict("concurrent-change", "The event conflicted twice with concurrent changes; send it again.");
    }

    /// <returns>Null when the commit met a concurrent insert of another row than the event.</returns>
    private async Task<IngestResult?> HandleOnce(IngestEvent command, EventEnvelope envelope, EventData data, CancellationToken cancellationToken)
    {
        // One customer's events are handled one at a time, across nodes, and the observers (the workflow runtime) run
        // in the same transaction as the insert: an event stored never loses its workflow start. Everything is written
        // by one save at the commit; a repeated id is found then by the primary key, not by a query on every event.
        await using var locked = await customerLock.AcquireAsync(db, envelope.CustomerId!, cancellationToken);

        var now = clock.GetUtcNow();
        var stored = new InboundEvent(envelope.Id!, envelope.Type!, envelope.OccurredAt!.Value, envelope.CustomerId!, envelope.Data.GetRawText(), now);
        try
        {
            await ApplyToReadModel(stored, data, command.By, cancellationToken);
        }
        catch (DomainException)
        {
            // A repeat that no longer applies (a sign-up of the customer it created): the stored event decides.
            if (await StoredAsync(stored.Id, cancellationToken) is { } earlier)
            {
                await locked.RollbackAsync(cancellationToken);
                return Repeat(earlier, stored);
            }

            throw;
        }

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
            db.ChangeTracker.Clear();
            if (await StoredAsync(stored.Id, cancellationToken) is { } earlier)
            {
                return Repeat(earlier, stored);
            }

            logger.LogDebug(e, "Event {EventId} met a concurrent insert at its commit", stored.Id);
            return null;
        }

        logger.LogDebug("Stored event {EventId} ({EventType}) for customer {CustomerId}", stored.Id, stored.Type, stored.CustomerId);
        return new IngestResult(stored.Id, IngestOutcome.Processed);
    }

    private (EventEnvelope Envelope, EventData Data) Validate(EventEnvelope envelope)
    {
        var errors = new ValidationErrors();
        errors.CheckId("id", envelope.Id);

        if (string.IsNullOrWhiteSpace(envelope.Type))
        {
            errors.Add("type", "is required.");
        }
        else if (!EventTypes.IsKnown(envelope.Type))
        {
            errors.Add("type", $"'{envelope.Type}' is not a known event type; expected one of {string.Join(", ", EventTypes.All)}.");
        }

        if (envelope.OccurredAt is not { } occurredAt)
        {
            errors.Add("occurredAt", "is required.");
        }
        else
        {
            errors.Check("occurredAt", limits.EventTimeProblem(occurredAt, clock.GetUtcNow()));
        }

        errors.CheckId("customerId", envelope.CustomerId);

        if (envelope.Data.ValueKind != JsonValueKind.Object)
        {
            errors.Add("data", envelope.Data.ValueKind == JsonValueKind.Undefined ? "is required." : "must be an object.");
        }

        var before = errors.Count;
        var data = EventTypes.IsKnown(envelope.Type) && envelope.Data.ValueKind == JsonValueKind.Object
            ? EventData.Read(envelope.Type!, envelope.Data, errors)
            : null;
        if (errors.Count == before)
        {
            // The bounds of fields that were read; a field that could not be read has its error already.
            data?.Check(limits, errors);
        }

        errors.ThrowIfAny();
        return (envelope, data!);
    }

    private async Task ApplyToReadModel(InboundEvent stored, EventData data, Actor by, CancellationToken cancellationToken)
    {
        var at = clock.GetUtcNow();
        switch (data)
        {
            case SignedUp s:
                if (await db.FindWithActiveSuspensionAsync(stored.CustomerId, cancellationToken) is not null)
                {
                    // A customer signs up once: a second sign-up would re-run the sign-up workflows (and suspend again).
                    throw new DomainException(DomainErrorKind.Conflict, "already-signed-up",
                        $"Customer '{stored.CustomerId}' exists already; change its profile with PUT /api/customers/{stored.CustomerId}.", "customerId");
                }

                var profile = new CustomerProfile(s.TenantId, s.Name, s.Email, s.PlanId, s.Tags, s.IdentityVerified,
                    s.Exempt ?? s.ExemptUntil is not null, s.AccountManagers)
                {
                    ExemptUntil = s.ExemptUntil,
                };
                db.Customers.Add(new Customer(stored.CustomerId, profile, by, at, $"{stored.Type} event {stored.Id}"));
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
                await UpsertInvoiceHandler.Apply(db, new UpsertInvoice(i.InvoiceId, stored.CustomerId, i.Amount, i.Currency, i.IssuedAt, i.DueDate, null, by), "data.invoiceId", at, cancellationToken);
                break;
            case InvoicePaid paid:
                await UpsertInvoiceHandler.MarkPaid(db, paid.InvoiceId, stored.CustomerId, paid.PaidAt, by, at, cancellationToken);
                break;
            case IdentityVerified:
                (await RequireCustomer(stored.CustomerId, cancellationToken)).MarkIdentityVerified(by, at);
                break;
        }
    }

    private async Task<Customer> RequireCustomer(string customerId, CancellationToken cancellationToken)
        => await db.FindWithActiveSuspensionAsync(customerId, cancellationToken)
           ?? throw DomainException.Invalid("customerId", $"Customer '{customerId}' is unknown; send customer.signed-up or PUT /api/customers/{customerId} first.");

    private Task<InboundEvent?> StoredAsync(string eventId, CancellationToken cancellationToken)
        => db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == eventId, cancellationToken);

    /// <summary>The same id again: a duplicate when the body is the same, a conflict naming what differs otherwise.</summary>
    private static IngestResult Repeat(InboundEvent earlier, InboundEvent again)
    {
        var differences = EventComparison.Differences(earlier, again);
        return differences.Count == 0
            ? new IngestResult(again.Id, IngestOutcome.Duplicate)
            : throw new EventConflictException(again.Id, differences);
    }
}
