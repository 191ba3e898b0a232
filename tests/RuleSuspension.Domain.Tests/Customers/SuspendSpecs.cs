using RuleSuspension.Domain.Common;
using RuleSuspension.Domain.Customers;
using RuleSuspension.Domain.Suspensions;
using static RuleSuspension.Domain.Tests.Customers.CustomerFixtures;

namespace RuleSuspension.Domain.Tests.Customers;

public class SuspendSpecs
{
    [Fact]
    public void Suspending_applies_the_effects_policy()
    {
        var customer = NewCustomer();

        customer.Suspend(ManualDecision(), SuspensionPolicy.Default, Now);

        Assert.Equal(CustomerStatus.Suspended, customer.Status);
        Assert.Equal(new CustomerAccess(false, false, PortalAccess.PayInvoicesOnly, false, false), customer.Access);
    }

    [Fact]
    public void Billable_profile_keeps_services_invoiced_while_suspended()
    {
        var customer = NewCustomer();

        customer.Suspend(ManualDecision(), SuspensionPolicy.Default with { KeepServicesBillable = true }, Now);

        Assert.True(customer.Access.Invoiced);
        Assert.False(customer.Access.ActiveUser);
    }

    [Fact]
    public void A_second_suspension_while_suspended_is_a_conflict()
    {
        var customer = NewCustomer();
        customer.Suspend(ManualDecision(), SuspensionPolicy.Default, Now);

        var error = Assert.Throws<DomainException>(() => customer.Suspend(AutomaticDecision(), SuspensionPolicy.Default, Now));

        Assert.Equal("already-suspended", error.Code);
        Assert.Single(customer.Suspensions);
    }

    [Fact]
    public void Exempt_customer_is_never_suspended_automatically()
    {
        var customer = NewCustomer(exempt: true);

        var error = Assert.Throws<DomainException>(() => customer.Suspend(AutomaticDecision(), SuspensionPolicy.Default, Now));

        Assert.Equal("customer-exempt", error.Code);
        Assert.Equal(CustomerStatus.Active, customer.Status);
    }

    [Fact]
    public void Exempt_customer_can_be_suspended_by_hand()
    {
        var customer = NewCustomer(exempt: true);

        customer.Suspend(ManualDecision(), SuspensionPolicy.Default, Now);

        Assert.Equal(CustomerStatus.Suspended, customer.Status);
    }

    [Fact]
    public void Suspension_without_reason_text_is_refused()
    {
        var customer = NewCustomer();

        var error = Assert.Throws<DomainException>(() => customer.Suspend(ManualDecision() with { ReasonText = "  " }, SuspensionPolicy.Default, Now));

        Assert.Equal("reason", error.Field);
    }

    [Fact]
    public void Unknown_reason_code_is_refused()
    {
        var customer = NewCustomer();

        var error = Assert.Throws<DomainException>(() => customer.Suspend(ManualDecision() with { ReasonCode = "bored" }, SuspensionPolicy.Default, Now));

        Assert.Equal("reasonCode", error.Field);
    }

    [Fact]
    public void Suspending_records_who_decided_and_an_event_for_the_audit()
    {
        var customer = NewCustomer();
        customer.ClearDomainEvents();

        var suspension = customer.Suspend(AutomaticDecision(), SuspensionPolicy.Default, Now);

        Assert.Equal(SuspensionKind.Automatic, suspension.Kind);
        Assert.Equal("workflow:overdue-invoices@1", suspension.DecidedBy);
        var recorded = Assert.IsType<CustomerSuspended>(Assert.Single(customer.DomainEvents));
        Assert.Equal("customer.suspended", recorded.Action);
    }

    [Fact]
    public void Every_change_bumps_the_concurrency_version()
    {
        var customer = NewCustomer();
        var before = customer.Version;

        customer.Suspend(ManualDecision(), SuspensionPolicy.Default, Now);

        Assert.Equal(before + 1, customer.Version);
    }
}
