using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Customers;
using RuleSuspension.Domain.Suspensions;

namespace RuleSuspension.Persistence.Tests;

public class CustomerStorageSpecs(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 30, 0, TimeSpan.Zero);
    private static readonly Actor Admin = Actor.Person("ada", Role.Admin);

    private async Task<string> StoredCustomer()
    {
        var id = "c-" + Guid.NewGuid().ToString("N")[..10];
        await using var db = database.Context();
        db.Customers.Add(new Customer(id, new CustomerProfile("t-1", "Acme", "a@acme.test", "pro", ["vip", "eu"], true, false, ["am@host.test"]), Admin, Now));
        await db.SaveChangesAsync();
        return id;
    }

    private static Task<Customer> Load(RuleSuspensionDb db, string id)
        => db.Customers.Include(c => c.Suspensions.Where(s => s.LiftedAt == null)).SingleAsync(c => c.Id == id);

    [Fact]
    public async Task A_customer_round_trips_with_its_lists_and_access()
    {
        var id = await StoredCustomer();

        await using var db = database.Context();
        var customer = await Load(db, id);

        Assert.Equal(["vip", "eu"], customer.Tags);
        Assert.Equal(["am@host.test"], customer.AccountManagers);
        Assert.Equal(CustomerAccess.Full, customer.Access);
        Assert.Equal(Now, customer.CreatedAt);
    }

    [Fact]
    public async Task A_suspension_keeps_the_access_it_replaced()
    {
        var id = await StoredCustomer();
        await using (var db = database.Context())
        {
            (await Load(db, id)).Suspend(SuspensionDecision.Manual(ReasonCodes.Investigation, "Fraud", Admin), SuspensionPolicy.Default, Now);
            await db.SaveChangesAsync();
        }

        await using var read = database.Context();
        var suspension = (await Load(read, id)).ActiveSuspension!;

        Assert.Equal(CustomerAccess.Full, suspension.AccessBefore);
        Assert.Equal("ada (Admin)", suspension.DecidedBy);
    }

    [Fact]
    public async Task Concurrent_suspensions_of_one_customer_leave_one()
    {
        var id = await StoredCustomer();
        await using var first = database.Context();
        await using var second = database.Context();
        (await Load(first, id)).Suspend(SuspensionDecision.Manual(ReasonCodes.Investigation, "First", Admin), SuspensionPolicy.Default, Now);
        (await Load(second, id)).Suspend(SuspensionDecision.Manual(ReasonCodes.Other, "Second", Admin), SuspensionPolicy.Default, Now);

        await first.SaveChangesAsync();

        // The version check or the unique index, whichever the provider meets first, refuses the second.
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => second.SaveChangesAsync());
        await using var read = database.Context();
        Assert.Equal(1, await read.Suspensions.CountAsync(s => s.CustomerId == id && s.LiftedAt == null));
    }

    [Fact]
    public async Task The_database_refuses_a_second_active_suspension_even_past_the_aggregate()
    {
        var id = await StoredCustomer();
        await using (var db = database.Context())
        {
            (await Load(db, id)).Suspend(SuspensionDecision.Manual(ReasonCodes.Investigation, "First", Admin), SuspensionPolicy.Default, Now);
            await db.SaveChangesAsync();
        }

        // A fresh customer object that does not know about the stored suspension, as a buggy writer would have.
        await using var other = database.Context();
        var stale = await other.Customers.AsNoTracking().SingleAsync(c => c.Id == id);
        var duplicate = stale.Suspend(SuspensionDecision.Manual(ReasonCodes.Other, "Second", Admin), SuspensionPolicy.Default, Now);
        other.Suspensions.Add(duplicate);

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => other.SaveChangesAsync());
    }

    [Fact]
    public async Task The_audit_entry_is_written_with_the_change()
    {
        var id = await StoredCustomer();
        await using (var db = database.Context())
        {
            (await Load(db, id)).Suspend(SuspensionDecision.Manual(ReasonCodes.Investigation, "Fraud", Admin), SuspensionPolicy.Default, Now);
            await db.SaveChangesAsync();
        }

        await using var read = database.Context();
        var actions = await read.AuditEntries.Where(a => a.CustomerId == id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();

        Assert.Equal(["customer.created", "customer.suspended"], actions);
    }

    [Fact]
    public async Task Concurrent_profile_changes_are_detected()
    {
        var id = await StoredCustomer();
        await using var first = database.Context();
        await using var second = database.Context();
        var a = await Load(first, id);
        var b = await Load(second, id);
        a.UpdateProfile(a.Profile with { Name = "Acme One" }, Admin, Now);
        b.UpdateProfile(b.Profile with { Name = "Acme Two" }, Admin, Now);

        await first.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }
}
