using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Common;
using RuleSuspension.Domain.Customers;
using RuleSuspension.Domain.Suspensions;
using static RuleSuspension.Domain.Tests.Customers.CustomerFixtures;

namespace RuleSuspension.Domain.Tests.Customers;

public class LiftSpecs
{
    private static Customer SuspendedCustomer(SuspensionPolicy? policy = null)
    {
        var customer = NewCustomer();
        customer.Suspend(AutomaticDecision(), policy ?? SuspensionPolicy.Default, Now);
        return customer;
    }

    [Fact]
    public void Lift_restores_the_access_from_before_the_suspension()
    {
        var policy = SuspensionPolicy.Default with { KeepServicesBillable = true };
        var customer = SuspendedCustomer(policy);

        customer.Lift(SuperAdmin, "Paid in full", policy, Now.AddDays(1));

        Assert.Equal(CustomerStatus.Active, customer.Status);
        Assert.Equal(CustomerAccess.Full, customer.Access);
    }

    [Fact]
    public void Lift_records_who_when_and_why()
    {
        var customer = SuspendedCustomer();

        var lifted = customer.Lift(SuperAdmin, "Paid in full", SuspensionPolicy.Default, Now.AddDays(1));

        Assert.Equal("grace (SuperAdmin)", lifted.LiftedBy);
        Assert.Equal(Now.AddDays(1), lifted.LiftedAt);
        Assert.Equal("Paid in full", lifted.LiftReason);
        Assert.False(lifted.IsActive);
    }

    [Fact]
    public void Lift_without_reason_is_refused()
    {
        var customer = SuspendedCustomer();

        var error = Assert.Throws<DomainException>(() => customer.Lift(SuperAdmin, " ", SuspensionPolicy.Default, Now));

        Assert.Equal("reason", error.Field);
        Assert.Equal(CustomerStatus.Suspended, customer.Status);
    }

    [Fact]
    public void Lift_without_the_lifting_role_is_refused()
    {
        var customer = SuspendedCustomer();

        var error = Assert.Throws<DomainException>(() => customer.Lift(Admin, "Looks fine", SuspensionPolicy.Default, Now));

        Assert.Equal(DomainErrorKind.Forbidden, error.Kind);
        Assert.Equal(CustomerStatus.Suspended, customer.Status);
    }

    [Fact]
    public void Configured_lifting_role_may_lift_and_super_admin_still_may()
    {
        var policy = SuspensionPolicy.Default with { LiftingRole = Role.Finance };

        var byFinance = SuspendedCustomer(policy);
        byFinance.Lift(Finance, "Paid", policy, Now);
        var bySuperAdmin = SuspendedCustomer(policy);
        bySuperAdmin.Lift(SuperAdmin, "Paid", policy, Now);

        Assert.Equal(CustomerStatus.Active, byFinance.Status);
        Assert.Equal(CustomerStatus.Active, bySuperAdmin.Status);
    }

    [Fact]
    public void Automatic_suspension_is_never_lifted_automatically()
    {
        var customer = SuspendedCustomer();

        var error = Assert.Throws<DomainException>(() => customer.Lift(Actor.System("workflow:overdue-invoices@1"), "Invoice paid", SuspensionPolicy.Default, Now));

        Assert.Equal("lift-needs-a-person", error.Code);
        Assert.Equal(CustomerStatus.Suspended, customer.Status);
    }

    [Fact]
    public void Lifting_an_active_customer_is_a_conflict()
    {
        var customer = NewCustomer();

        var error = Assert.Throws<DomainException>(() => customer.Lift(SuperAdmin, "Why not", SuspensionPolicy.Default, Now));

        Assert.Equal("not-suspended", error.Code);
    }

    [Fact]
    public void A_lifted_customer_can_be_suspended_again()
    {
        var customer = SuspendedCustomer();
        customer.Lift(SuperAdmin, "Paid", SuspensionPolicy.Default, Now);

        customer.Suspend(ManualDecision(), SuspensionPolicy.Default, Now.AddDays(2));

        Assert.Equal(2, customer.Suspensions.Count);
        Assert.Single(customer.Suspensions, s => s.IsActive);
    }
}
