using RuleSuspension.Domain.Common;
using RuleSuspension.Domain.Customers;
using RuleSuspension.Domain.Suspensions;
using static RuleSuspension.Domain.Tests.Customers.CustomerFixtures;

namespace RuleSuspension.Domain.Tests.Customers;

/// <summary>An exemption may have a last day (in the tenant's zone): after it the customer is ordinary again.</summary>
public class ExemptionSpecs
{
    private static readonly DateOnly LastDay = new(2026, 11, 30);

    private static Customer ExemptUntilLastDay()
    {
        var customer = NewCustomer();
        customer.UpdateProfile(customer.Profile with { Exempt = true, ExemptUntil = LastDay }, Finance, Now, "Payment plan agreed until the end of November");
        return customer;
    }

    [Fact]
    public void A_customer_is_exempt_up_to_and_on_the_last_day()
        => Assert.True(ExemptUntilLastDay().IsExemptOn(LastDay));

    [Fact]
    public void A_customer_is_ordinary_the_day_after_the_last_day()
        => Assert.False(ExemptUntilLastDay().IsExemptOn(LastDay.AddDays(1)));

    [Fact]
    public void An_exemption_without_a_last_day_has_no_end()
        => Assert.True(NewCustomer(exempt: true).IsExemptOn(new DateOnly(2100, 1, 1)));

    [Fact]
    public void An_automatic_suspension_is_refused_on_the_last_day_in_the_tenants_zone()
    {
        var customer = ExemptUntilLastDay();

        var error = Assert.Throws<DomainException>(() => customer.Suspend(AutomaticDecision(), SuspensionPolicy.Default, Now, tenantToday: LastDay));

        Assert.Equal("customer-exempt", error.Code);
    }

    [Fact]
    public void An_automatic_suspension_is_allowed_after_the_last_day_in_the_tenants_zone()
    {
        var customer = ExemptUntilLastDay();

        customer.Suspend(AutomaticDecision(), SuspensionPolicy.Default, Now, tenantToday: LastDay.AddDays(1));

        Assert.Equal(CustomerStatus.Suspended, customer.Status);
    }

    [Fact]
    public void Changing_the_exemption_without_a_reason_is_refused()
    {
        var customer = NewCustomer();

        var error = Assert.Throws<DomainException>(() => customer.UpdateProfile(customer.Profile with { Exempt = true, ExemptUntil = LastDay }, Finance, Now));

        Assert.Equal("reason", error.Field);
        Assert.False(customer.Exempt);
    }

    [Fact]
    public void A_last_day_without_an_exemption_is_refused()
    {
        var customer = NewCustomer();

        var error = Assert.Throws<DomainException>(() => customer.UpdateProfile(customer.Profile with { ExemptUntil = LastDay }, Finance, Now, "why not"));

        Assert.Equal("exemptUntil", error.Field);
    }

    [Fact]
    public void A_change_of_the_exemption_records_who_and_why()
    {
        var customer = ExemptUntilLastDay();

        var change = Assert.Single(customer.DomainEvents.OfType<ExemptionChanged>());
        Assert.Equal(Finance, change.Actor);
        Assert.Equal("Payment plan agreed until the end of November", change.Reason);
        Assert.Equal((false, (DateOnly?)null, true, (DateOnly?)LastDay), (change.WasExempt, change.WasExemptUntil, change.Exempt, change.ExemptUntil));
    }

    [Fact]
    public void Other_profile_changes_need_no_reason()
    {
        var customer = ExemptUntilLastDay();

        customer.UpdateProfile(customer.Profile with { Name = "Acme Ltd" }, Finance, Now);

        Assert.Equal(LastDay, customer.ExemptUntil);
    }
}
