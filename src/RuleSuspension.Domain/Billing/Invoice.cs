using System.Diagnostics.CodeAnalysis;
using RuleSuspension.Domain.Common;

namespace RuleSuspension.Domain.Billing;

/// <summary>An invoice of the host platform, as far as overdue checks need it.</summary>
public sealed class Invoice
{
    private Invoice()
    {
        Id = CustomerId = Currency = null!;
    }

    public Invoice(string id, string customerId, decimal amount, string currency, DateOnly issuedAt, DateOnly dueDate, DateTimeOffset? paidAt)
    {
        Id = Guard.NotBlank(id, "id");
        CustomerId = Guard.NotBlank(customerId, "customerId");
        Update(amount, currency, issuedAt, dueDate, paidAt);
    }

    public string Id { get; private set; }

    public string CustomerId { get; private set; }

    /// <summary>The amount due.</summary>
    public decimal Amount { get; private set; }

    public string Currency { get; private set; }

    public DateOnly IssuedAt { get; private set; }

    public DateOnly DueDate { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }

    public bool IsPaid => PaidAt is not null;

    [MemberNotNull(nameof(Currency))]
    public void Update(decimal amount, string currency, DateOnly issuedAt, DateOnly dueDate, DateTimeOffset? paidAt)
    {
        if (amount < 0)
        {
            throw DomainException.Invalid("amount", "'amount' must not be negative.");
        }

        if (dueDate < issuedAt)
        {
            throw DomainException.Invalid("dueDate", "'dueDate' must not be before 'issuedAt'.");
        }

        Amount = amount;
        Currency = Guard.NotBlank(currency, "currency").ToUpperInvariant();
        IssuedAt = issuedAt;
        DueDate = dueDate;
        PaidAt = paidAt?.ToUniversalTime();
    }

    public void MarkPaid(DateTimeOffset paidAt) => PaidAt = paidAt.ToUniversalTime();

    /// <summary>Whole days past the due date on <paramref name="today"/> (the check's clock in the tenant's time zone); 0 when paid or not yet due.</summary>
    public int DaysOverdue(DateOnly today) => IsPaid || today <= DueDate ? 0 : today.DayNumber - DueDate.DayNumber;
}
