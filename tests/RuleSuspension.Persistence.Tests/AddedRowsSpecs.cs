using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Audit;
using RuleSuspension.Domain.Customers;
using RuleSuspension.Domain.Outbox;
using RuleSuspension.Domain.Suspensions;
using RuleSuspension.Workflows.Runtime;

namespace RuleSuspension.Persistence.Tests;

/// <summary>
/// <see cref="IDatabaseDialect.WriteAddedRowsAsync"/>: PostgreSQL copies the added rows, or inserts them in one batch of
/// prepared statements (parents before children, an identity key left to the database), and stops tracking them; SQLite
/// and SQL Server leave them to EF's save.
/// </summary>
public class AddedRowsSpecs(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 6, 0, 0, TimeSpan.Zero);
    private static readonly Actor Admin = Actor.Person("ada", Role.Admin);

    [Theory]
    [InlineData(AddedRowsWrite.SetBased)]
    [InlineData(AddedRowsWrite.Statements)]
    public async Task Added_rows_written_by_the_dialect_read_back_as_EF_would_have_saved_them(AddedRowsWrite how)
    {
        var id = "c-" + Guid.NewGuid().ToString("N")[..10];
        await using (var db = database.Context())
        {
            db.Customers.Add(new Customer(id, new CustomerProfile("t-1", "Acme", "a@acme.test", "pro", ["vip"], true, false, ["am@host.test"]), Admin, Now));
            await db.SaveChangesAsync();
        }

        var instanceId = Guid.NewGuid();
        int written;
        await using (var db = database.Context())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var customer = await db.Customers.Include(c => c.Suspensions).SingleAsync(c => c.Id == id);
            customer.Suspend(SuspensionDecision.Manual(ReasonCodes.Investigation, "Fraud", Admin), SuspensionPolicy.Default, Now);
            db.ChangeTracker.DetectChanges();

            // A child added before its parent: the copy must still write the parent first.
            db.WorkflowJournal.Add(new WorkflowJournalEntry(instanceId, 1, "evaluate", "EvaluateRuleSet", "suspend", Now, "Suspend: overdue"));
            db.WorkflowInstances.Add(new WorkflowInstance(instanceId, "overdue-invoices", 1, id, null, new DateOnly(2026, 3, 1),
                new Dictionary<string, JsonElement> { ["reason"] = JsonSerializer.SerializeToElement("non-payment") }, "evaluate", Now));
            db.Outbox.Add(new OutboxMessage(Guid.NewGuid(), NotificationTypes.CustomerSuspended, id, "{\"customerId\":\"" + id + "\"}", Now));
            db.AuditEntries.Add(new AuditEntry(Now, "spec", "customer.suspended", id, "{}"));
            var added = db.ChangeTracker.Entries().Count(e => e.State == EntityState.Added);

            written = await db.Dialect.WriteAddedRowsAsync(db, how, default);

            Assert.Equal(database.Provider == DatabaseProvider.PostgreSql ? added : 0, written);
            Assert.Equal(database.Provider == DatabaseProvider.PostgreSql ? 0 : added, db.ChangeTracker.Entries().Count(e => e.State == EntityState.Added));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        await using var read = database.Context();
        var suspension = await read.Suspensions.SingleAsync(s => s.CustomerId == id);
        var instance = await read.WorkflowInstances.SingleAsync(i => i.Id == instanceId);
        Assert.Equal((ReasonCodes.Investigation, "Fraud", CustomerAccess.Full, Now), (suspension.ReasonCode, suspension.ReasonText, suspension.AccessBefore, suspension.SuspendedAt));
        Assert.Equal(("overdue-invoices", "non-payment"), (instance.DefinitionId, instance.Variables["reason"].GetString()));
        Assert.Equal("Suspend: overdue", (await read.WorkflowJournal.SingleAsync(e => e.InstanceId == instanceId)).Summary);
        Assert.NotEmpty((await read.Outbox.Include(m => m.Deliveries).SingleAsync(m => m.CustomerId == id)).Deliveries);
        Assert.True((await read.AuditEntries.SingleAsync(a => a.CustomerId == id && a.Actor == "spec")).Id > 0);
        Assert.Equal(CustomerStatus.Suspended, (await read.Customers.SingleAsync(c => c.Id == id)).Status);
    }
}
