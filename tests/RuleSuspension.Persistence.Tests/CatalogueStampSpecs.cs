using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Customers;
using RuleSuspension.Domain.RuleSets;
using RuleSuspension.Persistence.Locking;
using RuleSuspension.Workflows.Definitions;

namespace RuleSuspension.Persistence.Tests;

/// <summary>The stamp by which every node knows that its cache of published workflows and latest rule sets is current.</summary>
public class CatalogueStampSpecs(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 30, 0, TimeSpan.Zero);

    private async Task<long> Stamp()
    {
        await using var db = database.Context();
        return await db.CatalogueStampAsync(default);
    }

    private async Task<Guid> SaveDraft()
    {
        var id = "wf-" + Guid.NewGuid().ToString("N")[..8];
        var draft = new WorkflowVersion(new WorkflowDefinition { Id = id, Version = 1, Name = id }, "{}", "hash", WorkflowVersionStatus.Draft, WorkflowVersion.FromApi, "tests", Now);
        await using var db = database.Context();
        db.WorkflowVersions.Add(draft);
        await db.SaveChangesAsync();
        return draft.Id;
    }

    [Fact]
    public async Task A_new_rule_set_version_moves_the_stamp()
    {
        var before = await Stamp();
        await using (var db = database.Context())
        {
            db.RuleSetVersions.Add(new RuleSetVersion("rs-" + Guid.NewGuid().ToString("N")[..8], 1, "{}", "{}", "tests", "created", Now));
            await db.SaveChangesAsync();
        }

        Assert.Equal(before + 1, await Stamp());
    }

    [Fact]
    public async Task Publishing_a_stored_draft_moves_the_stamp()
    {
        var draft = await SaveDraft();
        var before = await Stamp();
        await using (var db = database.Context())
        {
            // Changed in memory only: the save must detect it before deciding whether the catalogue changed.
            (await db.WorkflowVersions.FindAsync(draft))!.Publish(Now);
            await db.SaveChangesAsync();
        }

        Assert.Equal(before + 1, await Stamp());
    }

    [Fact]
    public async Task Other_saves_leave_the_stamp_alone()
    {
        var before = await Stamp();
        await using (var db = database.Context())
        {
            db.Customers.Add(new Customer("c-" + Guid.NewGuid().ToString("N")[..10], new CustomerProfile("t-1", "Acme", "a@acme.test", null, [], true, false, []), Actor.System("tests"), Now));
            await db.SaveChangesAsync();
        }

        Assert.Equal(before, await Stamp());
    }

    [Fact]
    public async Task A_customer_lock_holds_its_stamp_until_the_unit_of_work_ends()
    {
        var locks = new CustomerLock();
        await using var db = database.Context();
        long taken, laterInTheUnit;
        await using (await locks.AcquireAsync(db, "c-locked", default))
        {
            taken = await db.CatalogueStampAsync(default);
            db.RuleSetVersions.Add(new RuleSetVersion("rs-" + Guid.NewGuid().ToString("N")[..8], 1, "{}", "{}", "tests", "created", Now));
            await db.SaveChangesAsync(); // in the transaction: a query would count one more
            laterInTheUnit = await db.CatalogueStampAsync(default);
        } // not committed

        await SaveDraft();

        Assert.Equal(taken, laterInTheUnit);
        Assert.Equal(taken + 1, await db.CatalogueStampAsync(default));
    }
}
