using RuleSuspension.Domain.Billing;
using RuleSuspension.Domain.Common;

namespace RuleSuspension.Domain.Tests.Billing;

public class InvoiceSpecs
{
    private static Invoice DueOn(DateOnly due, DateTimeOffset? paidAt = null)
        => new("inv-1", "c-1", 120m, "eur", due.AddDays(-14), due, paidAt);

    [Fact]
    public void Days_overdue_count_whole_days_after_the_due_date()
    {
        var invoice = DueOn(new DateOnly(2026, 10, 1));

        Assert.Equal(0, invoice.DaysOverdue(new DateOnly(2026, 10, 1)));
        Assert.Equal(1, invoice.DaysOverdue(new DateOnly(2026, 10, 2)));
        Assert.Equal(31, invoice.DaysOverdue(new DateOnly(2026, 11, 1)));
    }

    [Fact]
    public void A_paid_invoice_is_never_overdue()
    {
        var invoice = DueOn(new DateOnly(2026, 10, 1), paidAt: new DateTimeOffset(2026, 10, 20, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(0, invoice.DaysOverdue(new DateOnly(2026, 11, 21)));
    }

    [Fact]
    public void Negative_amount_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => new Invoice("inv-1", "c-1", -1m, "EUR", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), null));

        Assert.Equal("amount", error.Field);
    }

    [Fact]
    public void Currency_is_kept_upper_case()
    {
        Assert.Equal("EUR", DueOn(new DateOnly(2026, 10, 1)).Currency);
    }
}
