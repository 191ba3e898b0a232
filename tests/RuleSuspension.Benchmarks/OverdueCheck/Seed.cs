using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using RuleSuspension.Persistence;

namespace RuleSuspension.Benchmarks.OverdueCheck;

/// <summary>
/// Set-based seeding in the database itself, in one transaction: customer n has three invoices; every tenth
/// customer has one unpaid invoice 45 days overdue, the others one paid past invoice, one unpaid not yet due and
/// one paid.
/// </summary>
internal static class Seed
{
    public static async Task RunAsync(RuleSuspensionDb db, int customers, DateOnly asOf)
    {
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(20));
        var overdueDue = asOf.AddDays(-45).ToString("yyyy-MM-dd");
        var pastDue = asOf.AddDays(-60).ToString("yyyy-MM-dd");
        var futureDue = asOf.AddDays(10).ToString("yyyy-MM-dd");
        var issued = asOf.AddDays(-90).ToString("yyyy-MM-dd");
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (db.Database.IsNpgsql())
        {
            await Execute(db, $"""
                INSERT INTO "Customers" ("Id","TenantId","Name","Email","PlanId","Tags","IdentityVerified","Exempt","AccountManagers","Status","CreatedAt","UpdatedAt","Version",
                                         "Access_ActiveUser","Access_IngestionEnabled","Access_Invoiced","Access_NotificationsEnabled","Access_Portal")
                SELECT 'c' || lpad(n::text, 7, '0'), 't-' || (n % 10), 'Customer ' || n, 'billing' || n || '@bench.test', 'pro', ARRAY[]::text[], true, false, ARRAY['am@host.test'],
                       'Active', now(), now(), 1, true, true, true, true, 'Full'
                FROM generate_series(0, {customers - 1}) AS n;
                INSERT INTO "Invoices" ("Id","CustomerId","Amount","Currency","IssuedAt","DueDate","PaidAt")
                SELECT 'i' || lpad(n::text, 7, '0') || '-' || k, 'c' || lpad(n::text, 7, '0'), 120.00, 'EUR', DATE '{issued}',
                       CASE WHEN k = 0 AND n % 10 = 0 THEN DATE '{overdueDue}' WHEN k = 1 THEN DATE '{futureDue}' ELSE DATE '{pastDue}' END,
                       CASE WHEN (k = 0 AND n % 10 = 0) OR k = 1 THEN NULL ELSE TIMESTAMPTZ '{pastDue} 12:00:00Z' END
                FROM generate_series(0, {customers - 1}) AS n CROSS JOIN generate_series(0, 2) AS k;
                ANALYZE "Customers"; ANALYZE "Invoices";
                """);
        }
        else
        {
            // SQLite keeps instants as the converter's 64-bit value.
            var now = (long)new DateTimeOffsetToBinaryConverter().ConvertToProvider(DateTimeOffset.UtcNow)!;
            var paid = (long)new DateTimeOffsetToBinaryConverter().ConvertToProvider(new DateTimeOffset(asOf.AddDays(-60).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero))!;
            await Execute(db, $"""
                WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n < {customers - 1})
                INSERT INTO "Customers" ("Id","TenantId","Name","Email","PlanId","Tags","IdentityVerified","Exempt","AccountManagers","Status","CreatedAt","UpdatedAt","Version",
                                         "Access_ActiveUser","Access_IngestionEnabled","Access_Invoiced","Access_NotificationsEnabled","Access_Portal")
                SELECT printf('c%07d', n), 't-' || (n % 10), 'Customer ' || n, 'billing' || n || '@bench.test', 'pro', '[]', 1, 0, '["am@host.test"]',
                       'Active', {now}, {now}, 1, 1, 1, 1, 1, 'Full' FROM seq;
                """);
            await Execute(db, $"""
                WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n < {customers - 1}), ks(k) AS (VALUES (0), (1), (2))
                INSERT INTO "Invoices" ("Id","CustomerId","Amount","Currency","IssuedAt","DueDate","PaidAt")
                SELECT printf('i%07d-%d', n, k), printf('c%07d', n), '120.00', 'EUR', '{issued}',
                       CASE WHEN k = 0 AND n % 10 = 0 THEN '{overdueDue}' WHEN k = 1 THEN '{futureDue}' ELSE '{pastDue}' END,
                       CASE WHEN (k = 0 AND n % 10 = 0) OR k = 1 THEN NULL ELSE {paid} END
                FROM seq CROSS JOIN ks;
                """);
            await db.Database.ExecuteSqlRawAsync("ANALYZE;");
        }

        await transaction.CommitAsync();
    }

    // The SQL is built from numbers and dates computed here, never from input.
    private static Task<int> Execute(RuleSuspensionDb db, string sql) => db.Database.ExecuteSqlRawAsync(sql);
}
