using RuleSuspension.Domain.Billing;
using RuleSuspension.Persistence;

namespace RuleSuspension.Application.Invoices;

public sealed record UpsertInvoice(string Id, string CustomerId, decimal Amount, string Currency, DateOnly IssuedAt, DateOnly DueDate, DateTimeOffset? PaidAt);

public sealed class UpsertInvoiceHandler(RuleSuspensionDb db)
{
    public async Task<(Invoice Invoice, bool Created)> Handle(UpsertInvoice command, CancellationToken cancellationToken)
    {
        var result = await Apply(db, command, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    internal static async Task<(Invoice Invoice, bool Created)> Apply(RuleSuspensionDb db, UpsertInvoice command, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.FindAsync([command.Id], cancellationToken);
        if (invoice is null)
        {
            invoice = new Invoice(command.Id, command.CustomerId, command.Amount, command.Currency, command.IssuedAt, command.DueDate, command.PaidAt);
            db.Invoices.Add(invoice);
            return (invoice, true);
        }

        invoice.Update(command.Amount, command.Currency, command.IssuedAt, command.DueDate, command.PaidAt);
        return (invoice, false);
    }
}
