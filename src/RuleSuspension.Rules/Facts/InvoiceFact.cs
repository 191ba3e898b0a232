namespace RuleSuspension.Rules.Facts;

/// <summary>An invoice of the customer, as of the check's clock. Rules see them as <c>invoices</c>.</summary>
public sealed record InvoiceFact
{
    /// <summary>Invoice id (<c>i.id</c>).</summary>
    public required string Id { get; init; }
    /// <summary>Amount of the invoice (<c>i.amount</c>).</summary>
    public decimal Amount { get; init; }
    /// <summary>ISO currency code (<c>i.currency</c>).</summary>
    public string Currency { get; init; } = "";
    /// <summary>Issue date (<c>i.issuedAt</c>).</summary>
    public DateOnly IssuedAt { get; init; }
    /// <summary>Due date (<c>i.dueDate</c>).</summary>
    public DateOnly DueDate { get; init; }
    /// <summary>Payment date; null while unpaid (<c>i.paidAt</c>).</summary>
    public DateOnly? PaidAt { get; init; }
    /// <summary>Whether the invoice is paid (<c>i.paid</c>).</summary>
    public bool Paid { get; init; }
    /// <summary>Whole days past the due date on the check's clock; 0 when paid or not yet due (<c>i.daysOverdue</c>).</summary>
    public int DaysOverdue { get; init; }
    /// <summary>Unpaid balance; 0 when paid (<c>i.amountDue</c>).</summary>
    public decimal AmountDue { get; init; }
    /// <summary>
    /// The date <see cref="Paid"/>, <see cref="DaysOverdue"/> and <see cref="AmountDue"/> were computed as of (set by
    /// <see cref="AsOf(DateOnly, string, decimal, string, DateOnly, DateOnly, DateOnly?)"/>): an evaluation refuses
    /// an invoice computed on another day than the facts' <see cref="FactSet.Today"/>.
    /// </summary>
    public DateOnly? ComputedAsOf { get; init; }

    /// <summary>
    /// Builds an invoice fact as of <paramref name="today"/> (the check's clock in the tenant's time zone):
    /// computes <see cref="Paid"/>, <see cref="DaysOverdue"/> and <see cref="AmountDue"/> the way rules expect them.
    /// </summary>
    public static InvoiceFact AsOf(DateOnly today, string id, decimal amount, string currency, DateOnly issuedAt, DateOnly dueDate, DateOnly? paidAt = null)
    {
        var paid = paidAt is not null && paidAt.Value <= today;
        var overdue = paid ? 0 : Math.Max(0, today.DayNumber - dueDate.DayNumber);
        return new InvoiceFact
        {
            Id = id, Amount = amount, Currency = currency, IssuedAt = issuedAt, DueDate = dueDate,
            PaidAt = paid ? paidAt : null, Paid = paid, DaysOverdue = overdue, AmountDue = paid ? 0m : amount, ComputedAsOf = today,
        };
    }
}
