using System.Text.Json;
using Mediator;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Application.Customers;
using RuleSuspension.Application.Invoices;
using RuleSuspension.Application.Pipeline;
using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Billing;
using RuleSuspension.Domain.Common;
using RuleSuspension.Domain.Crm;
using RuleSuspension.Domain.Customers;
using RuleSuspension.Domain.Events;
using RuleSuspension.Persistence;

namespace RuleSuspension.Application.Events;

/// <summary>Stores an event once per id and applies it to its customer, under the customer's lock.</summary>
public sealed record IngestEvent(EventEnvelope Envelope, Actor By) : ICommand<IngestResult>, IRerunOnCommitConflict, IQueuedAtIngestion
{
    private EventData? _data;

    public CustomerOf Customer => CustomerOf.Named(Envelope.CustomerId!);

    /// <summary>The event's data as its validator read it (read once per command, not again by the handler).</summary>
    internal EventData Data => _data ?? throw new InvalidOperationException("The event was not validated.");

    internal void Read(ValidationErrors errors) => _data = EventData.Read(Envelope.Type!, Envelope.Data, errors);
}

public enum IngestOutcome
{
    Processed,
    Duplicate,
}

public sealed record IngestResult(string EventId, IngestOutcome Outcome);

/// <summary>Checks the envelope and reads its data, every error at once.</summary>
public sealed class IngestEventValidator(InputLimits limits, TimeProvider clock) : CommandValidator<IngestEvent>
{
    protected override void Check(IngestEvent command, ValidationErrors errors)
    {
        var envelope = command.Envelope;
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

        if (EventTypes.IsKnown(envelope.Type) && envelope.Data.ValueKind == JsonValueKind.Object)
        {
            var before = errors.Count;
            command.Read(errors);
            if (errors.Count == before)
            {
                // The bounds of fields that were read; a field that could not be read has its error already.
                command.Data.Check(limits, errors);
            }
        }
    }
}

/// <summary>
/// Stores an event once per id and updates the read model from it; the observers (the workflow runtime) run in the
/// same unit of work, so an event stored never loses its workflow start. Everything is written by the unit of work's
/// one save at the commit; a repeated id is found then by the primary key, not by a query on every event.
/// </summary>
public sealed class IngestEventHandler(
    RuleSuspensionDb db,
    TimeProvider clock,
    IEnumerable<IInboundEventObserver> observers,
    CustomerUnitOfWork work)
    : ICommandHandler<IngestEvent, IngestResult>
{
    public async ValueTask<IngestResult> Handle(IngestEvent command, CancellationToken cancellationToken)
    {
        var envelope = command.Envelope;
        var now = clock.GetUtcNow();
        var received = new InboundEvent(envelope.Id!, envelope.Type!, envelope.OccurredAt!.Value, envelope.CustomerId!, envelope.Data.GetRawText(), now);

        // Run again after a conflict at the commit: the id was stored before (a repeat), or by a concurrent request.
        if (work.Run > 1 && await StoredAsync(received.Id, cancellationToken) is { } stored)
        {
            return Repeat(stored, received);
        }

        try
        {
            await ApplyToReadModel(received, command.Data, command.By, cancellationToken);
        }
        catch (DomainException)
        {
            // A repeat that no longer applies (a sign-up of the customer it created): the stored event decides.
            if (await StoredAsync(received.Id, cancellationToken) is { } earlier)
            {
                return Repeat(earlier, received);
            }

            throw;
        }

        db.Events.Add(received);
        foreach (var observer in observers)
        {
            await observer.OnEventReceived(received, cancellationToken);
        }

        return new IngestResult(received.Id, IngestOutcome.Processed);
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
                var plan = await db.FindPlanAsync(p.ToPlanId, cancellationToken);
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
                var opportunity = await db.FindOpportunityAsync(o.OpportunityId, cancellationToken);
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

    /// <summary>
    /// The same id again: a duplicate when the body is the same, a conflict naming what differs otherwise; nothing this
    /// run did is written.
    /// </summary>
    private IngestResult Repeat(InboundEvent earlier, InboundEvent again)
    {
        work.Discard();
        var differences = EventComparison.Differences(earlier, again);
        return differences.Count == 0
            ? new IngestResult(again.Id, IngestOutcome.Duplicate)
            : throw new EventConflictException(again.Id, differences);
    }
}
