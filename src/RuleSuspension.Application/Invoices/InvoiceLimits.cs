namespace RuleSuspension.Application.Invoices;

/// <summary>The bounds of an invoice, the same from <c>PUT /api/invoices/{id}</c> and from an <c>invoice.issued</c> event.</summary>
public static class InvoiceLimits
{
    public static void CheckInvoice(this InputLimits limits, ValidationErrors errors, string prefix, decimal amount, string currency, DateOnly issuedAt, DateOnly dueDate, DateTimeOffset? paidAt)
    {
        errors.Check(prefix + "amount", limits.AmountProblem(amount));
        errors.Check(prefix + "currency", CurrencyProblem(currency));
        errors.Check(prefix + "issuedAt", limits.DateProblem(issuedAt));
        errors.Check(prefix + "dueDate", limits.DateProblem(dueDate));
        if (paidAt is { } paid)
        {
            errors.Check(prefix + "paidAt", limits.DateProblem(DateOnly.FromDateTime(paid.UtcDateTime)));
        }
    }

    /// <summary>An ISO 4217 code: three letters.</summary>
    public static string? CurrencyProblem(string? currency)
        => currency is { Length: 3 } && currency.All(char.IsAsciiLetter) ? null : "must be a currency code of three letters (EUR).";
}
