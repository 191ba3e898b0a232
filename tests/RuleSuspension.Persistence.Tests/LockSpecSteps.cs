using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Customers;

namespace RuleSuspension.Persistence.Tests;

/// <summary>The steps the customer-lock and batch-lock specs share: new ids, a customer row to write, and whether it was stored.</summary>
internal static class LockSpecSteps
{
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public static string NewId(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];

    public static Customer NewCustomer(string id)
        => new(id, new CustomerProfile("t-1", "Acme", "a@acme.test", null, [], true, false, []), Actor.System("tests"), Now);

    /// <summary>True when the customer's row is committed (read on a context of its own).</summary>
    public static async Task<bool> Stored(this DatabaseFixture database, string customerId)
    {
        await using var db = database.Context();
        return await db.Customers.AnyAsync(c => c.Id == customerId);
    }
}
