using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Customers;
using RuleSuspension.Domain.RuleSets;
using RuleSuspension.Persistence.Locking;

using static RuleSuspension.Persistence.Tests.LockSpecSteps;

namespace RuleSuspension.Persistence.Tests;

/// <summary>
/// A batch of customers (the overdue check's) is locked through the same lock as one customer's: one transaction,
/// the same in-process turns on SQLite, the database's lock per customer elsewhere, the catalogue's stamp held with it.
/// </summary>
public class BatchLockSpecs(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private readonly CustomerLock locks = new();

    [Fact]
    public async Task A_customer_of_a_locked_batch_waits_until_the_batch_commits()
    {
        var (first, second, written) = (NewId("c-a"), NewId("c-b"), NewId("c-w"));
        await using var batchDb = database.Context();
        var batch = await locks.AcquireAllAsync(batchDb, [second, first], default);
        batchDb.Customers.Add(NewCustomer(written));

        // What the batch wrote is visible to the waiter only if it waited for the commit.
        var waiter = Task.Run(async () =>
        {
            await using var db = database.Context();
            await using var scope = await locks.AcquireAsync(db, second, default);
            return await db.Customers.AnyAsync(c => c.Id == written);
        });
        await Task.Delay(300);
        await batch.CommitAsync(default);

        Assert.True(await waiter);
    }

    [Fact]
    public async Task A_batch_that_does_not_commit_writes_nothing_and_frees_its_customers()
    {
        var (customer, written) = (NewId("c-r"), NewId("c-w"));
        await using (var db = database.Context())
        {
            await using var batch = await locks.AcquireAllAsync(db, [customer], default);
            db.Customers.Add(NewCustomer(written));
            await db.SaveChangesAsync();
        }

        await using var other = database.Context();
        await using (await locks.AcquireAsync(other, customer, default))
        {
            Assert.False(await other.Customers.AnyAsync(c => c.Id == written));
        }

        Assert.False(await database.Stored(written));
    }

    [Fact]
    public async Task A_batch_lock_holds_the_catalogue_stamp_until_the_unit_of_work_ends()
    {
        await using var db = database.Context();
        long taken, laterInTheUnit;
        await using (await locks.AcquireAllAsync(db, [NewId("c-s"), NewId("c-s")], default))
        {
            taken = await db.CatalogueStampAsync(default);
            db.RuleSetVersions.Add(new RuleSetVersion("rs-" + Guid.NewGuid().ToString("N")[..8], 1, "{}", "{}", "tests", "created", Now));
            await db.SaveChangesAsync(); // in the transaction: a query would count one more
            laterInTheUnit = await db.CatalogueStampAsync(default);
        }

        Assert.Equal(taken, laterInTheUnit);
    }

    [Fact]
    public async Task A_batch_inside_a_unit_of_work_leaves_its_commit_to_the_owner()
    {
        var written = NewId("c-n");
        await using var db = database.Context();
        await using var owner = await locks.AcquireAsync(db, NewId("c-o"), default);
        var batch = await locks.AcquireAllAsync(db, [NewId("c-i")], default);
        db.Customers.Add(NewCustomer(written));

        await batch.CommitAsync(default);
        var storedBeforeTheOwnerCommits = await database.Stored(written);
        await owner.CommitAsync(default);

        Assert.False(batch.OwnsTransaction);
        Assert.False(storedBeforeTheOwnerCommits);
        Assert.True(await database.Stored(written));
    }
}
