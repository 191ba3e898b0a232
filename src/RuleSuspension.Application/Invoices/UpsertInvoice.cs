using System.Text.Json;
using Mediator;
using RuleSuspension.Application.Events;
using RuleSuspension.Application.Pipeline;
using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Audit;
using RuleSuspension.Domain.Billing;
using RuleSuspension.Domain.Common;
using RuleSuspension.Persistence;

namespace RuleSuspension.Application.Invoices;

public sealed record UpsertInvoice(string Id, string CustomerId, decimal Amount, string Currency, DateOnly IssuedAt, DateOnly DueDate, DateTimeOffset? PaidAt, Actor By)
    : ICommand<UpsertedInvoice>, ICustomerCommand
{
    public CustomerOf Customer => CustomerOf.Named(CustomerId);
}

/// <summary>The invoice as stored, and whether the upsert created it.</summary>
public sealed record UpsertedInvoice(Invoice Invoice, bool Created);

public sealed class UpsertInvoiceValidator(InputLimits limits) : CommandValidator<UpsertInvoice>
{
    protected override void Check(UpsertInvoice command, ValidationErrors errors)
    {
        errors.CheckId("id", command.Id);
        errors.CheckId("customerId", command.CustomerId);
        limits.CheckInvoice(errors, string.Empty, command.Amount, command.Currency, command.IssuedAt, command.DueDate, command.PaidAt);
    }
}

/// <summary>
/// Creates or replaces an invoice of its customer. An invoice belongs to one customer for good: naming it for another
/// is a conflict, and nothing is written. Every change is audited with the values before and after.
/// </summary>
public sealed class UpsertInvoiceHandler(RuleSuspensionDb db, TimeProvider clock) : ICommandHandler<UpsertInvoice, UpsertedInvoice>
{
    public async ValueTask<UpsertedInvoice> Handle(UpsertInvoice command, CancellationToken cancellationToken)
    {
        var (invoice, created) = await Apply(db, command, "customerId", clock.GetUtcNow(), cancellationToken);
        return new UpsertedInvoice(invoice, created);
    }

    /// <summary>Applies the change to the unit of work; <paramref name="ownerField"/> is the input that named the customer.</summary>
    internal static async Task<(Invoice Invoice, bool Created)> Apply(RuleSuspensionDb db, UpsertInvoice command, string ownerField, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var invoice = await db.FindInvoiceAsync(command.Id, cancellationToken);
        if (invoice is null)
        {
            invoice = new Invoice(command.Id, command.CustomerId, command.Amount, command.Currency, command.IssuedAt, command.DueDate, command.PaidAt);
            db.Invoices.Add(invoice);
            Audit(db, "invoice.created", invoice, null, command.By, at);
            return (invoice, true);
        }

        EnsureOwner(invoice, command.CustomerId, ownerField);
        var before = Snapshot.Of(invoice);
        invoice.Update(command.Amount, command.Currency, command.IssuedAt, command.DueDate, command.PaidAt);
        Audit(db, "invoice.updated", invoice, before, command.By, at);
        return (invoice, false);
    }

    /// <summary>Marks an invoice of <paramref name="customerId"/> paid (an <c>invoice.paid</c> event), audited.</summary>
    internal static async Task MarkPaid(RuleSuspensionDb db, string invoiceId, string customerId, DateTimeOffset paidAt, Actor by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var invoice = await db.FindInvoiceAsync(invoiceId, cancellationToken)
            ?? throw DomainException.Invalid("data.invoiceId", $"Invoice '{invoiceId}' is unknown; send invoice.issued or PUT /api/invoices/{invoiceId} first.");
        EnsureOwner(invoice, customerId, "data.invoiceId");
        var before = Snapshot.Of(invoice);
        invoice.MarkPaid(paidAt);
        Audit(db, "invoice.paid", invoice, before, by, at);
    }

    private static void EnsureOwner(Invoice invoice, string customerId, string field)
    {
        if (invoice.CustomerId != customerId)
        {
            throw new DomainException(DomainErrorKind.Conflict, "invoice-of-another-customer",
                $"Invoice '{invoice.Id}' belongs to another customer; an invoice never changes customer (issue a new invoice id instead).", field);
        }
    }

    private static void Audit(RuleSuspensionDb db, string action, Invoice invoice, Snapshot? before, Actor by, DateTimeOffset at)
    {
        var after = Snapshot.Of(invoice);
        if (before == after)
        {
            return;
        }

        db.AuditEntries.Add(new AuditEntry(at, by.ToString(), action, invoice.CustomerId,
            JsonSerializer.Serialize(new { invoiceId = invoice.Id, before, after }, JsonSerializerOptions.Web)));
    }

    private sealed record Snapshot(decimal Amount, string Currency, DateOnly IssuedAt, DateOnly DueDate, DateTimeOffset? PaidAt)
    {
        public static Snapshot Of(Invoice i) => new(i.Amount, i.Currency, i.IssuedAt, i.DueDate, i.PaidAt);
    }
}
