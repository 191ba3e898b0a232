namespace RuleSuspension.Domain.Billing;

/// <summary>
/// That a customer was warned about an overdue invoice. The key (customer, invoice) is unique, so the overdue check
/// never warns twice about the same invoice, whichever node runs it and however often.
/// </summary>
public sealed class OverdueWarning
{
    private OverdueWarning()
    {
        CustomerId = InvoiceId = null!;
    }

    public OverdueWarning(string customerId, string invoiceId, Guid runId, DateTimeOffset warnedAt)
    {
        CustomerId = customerId;
        InvoiceId = invoiceId;
        RunId = runId;
        WarnedAt = warnedAt.ToUniversalTime();
    }

    public string CustomerId { get; private set; }

    public string InvoiceId { get; private set; }

    /// <summary>The overdue-check run that warned.</summary>
    public Guid RunId { get; private set; }

    public DateTimeOffset WarnedAt { get; private set; }
}
