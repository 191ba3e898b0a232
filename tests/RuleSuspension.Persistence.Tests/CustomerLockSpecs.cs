using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Customers;
using RuleSuspension.Persistence.Locking;

using static RuleSuspension.Persistence.Tests.LockSpecSteps;

namespace RuleSuspension.Persistence.Tests;

/// <summary>
/// One customer's unit of work through <see cref="CustomerLock"/>, on real databases: a customer's units of work one
/// at a time; other customers' reads and decisions never wait for it (on SQLite, not even for its writes); nothing of a
/// unit of work that does not commit is kept.
/// </summary>
public class CustomerLockSpecs(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    // Bounds a wait that the lock must not impose, so that a spec fails rather than hangs; never a measure of speed.
    private static readonly TimeSpan NeverThisLong = TimeSpan.FromSeconds(30);

    private readonly CustomerLock locks = new();

    [Fact]
    public async Task A_customers_second_unit_of_work_begins_after_the_first_commits()
    {
        var (customer, written) = (NewId("c-1"), NewId("c-w"));
        await using var firstDb = database.Context();
        var first = await locks.AcquireAsync(firstDb, customer, default);
        firstDb.Customers.Add(NewCustomer(written));

        // What the first wrote is visible to the second only if the second waited for the commit.
        var second = Task.Run(async () =>
        {
            await using var db = database.Context();
            await using var scope = await locks.AcquireAsync(db, customer, default);
            return await db.Customers.AnyAsync(c => c.Id == written);
        });
        await Task.Delay(300);
        await first.CommitAsync(default);

        Assert.True(await second);
    }

    [Fact]
    public async Task Another_customers_unit_of_work_reads_while_one_holds_the_write_lock()
    {
        var written = NewId("c-w");
        await using var writerDb = database.Context();
        await using var writer = await locks.AcquireAsync(writerDb, NewId("c-a"), default);
        writerDb.Customers.Add(NewCustomer(written));
        await writerDb.BeginWritesNowAsync(default);
        await writerDb.SaveChangesAsync();

        bool readerSawUncommitted;
        await using (var readerDb = database.Context())
        await using (await locks.AcquireAsync(readerDb, NewId("c-b"), default).WaitAsync(NeverThisLong))
        {
            readerSawUncommitted = await readerDb.Customers.AnyAsync(c => c.Id == written).WaitAsync(NeverThisLong);
        }

        await writer.CommitAsync(default);

        Assert.False(readerSawUncommitted);
        Assert.True(await database.Stored(written));
    }

    [Fact]
    public async Task A_unit_of_work_that_does_not_commit_writes_nothing_and_frees_its_customer()
    {
        var (customer, written) = (NewId("c-r"), NewId("c-w"));
        await using (var db = database.Context())
        {
            await using var scope = await locks.AcquireAsync(db, customer, default);
            db.Customers.Add(NewCustomer(written));
            await db.SaveChangesAsync(); // in the unit of work: undone with it
        }

        var inFlightAfterwards = locks.CustomersInFlight;
        await using (var next = database.Context())
        await using (await locks.AcquireAsync(next, customer, default).WaitAsync(NeverThisLong))
        {
        }

        Assert.Equal(0, inFlightAfterwards);
        Assert.False(await database.Stored(written));
    }

    [Fact]
    public async Task A_customer_row_changed_by_another_writer_after_it_was_read_is_not_overwritten()
    {
        var customerId = NewId("c-v");
        await using (var seed = database.Context())
        {
            seed.Customers.Add(NewCustomer(customerId));
            await seed.SaveChangesAsync();
        }

        await using var db = database.Context();
        var scope = await locks.AcquireAsync(db, customerId, default);
        var ours = await db.Customers.SingleAsync(c => c.Id == customerId);

        // Another process on the file (or another node) takes no lock of this process.
        await using (var other = database.Context())
        {
            var theirs = await other.Customers.SingleAsync(c => c.Id == customerId);
            theirs.UpdateProfile(theirs.Profile with { Name = "theirs" }, Actor.System("other"), Now.AddMinutes(1));
            await other.SaveChangesAsync();
        }

        ours.UpdateProfile(ours.Profile with { Name = "ours" }, Actor.System("tests"), Now.AddMinutes(2));
        var conflict = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => scope.CommitAsync(default));
        await scope.DisposeAsync();

        Assert.True(DatabaseErrors.IsConflict(conflict));
        await using var check = database.Context();
        Assert.Equal("theirs", (await check.Customers.SingleAsync(c => c.Id == customerId)).Name);
    }
}
