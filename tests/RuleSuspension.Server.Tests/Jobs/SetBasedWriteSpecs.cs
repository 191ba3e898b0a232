using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RuleSuspension.Application.Jobs;
using RuleSuspension.Domain.Access;
using RuleSuspension.Persistence;
using RuleSuspension.Server.Tests.Infrastructure;
using static RuleSuspension.Server.Tests.Jobs.JobSteps;

namespace RuleSuspension.Server.Tests.Jobs;

/// <summary>
/// The overdue check's set-based writes (<c>OverdueCheck:SetBasedWrites</c>; PostgreSQL's binary COPY) store exactly
/// the rows EF's save stores: the same check on two books seeded alike, on the same frozen clock, one each way.
/// </summary>
public class SetBasedWriteSpecs
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 6, 0, 0, TimeSpan.Zero);

    // Rows that are not the check's and differ between two servers by nature: API keys' secrets, and the catalogue's
    // change rows, stamped with the wall clock when the shipped workflows load.
    private static readonly HashSet<string> NotCompared = ["ApiKeys", "CatalogueChanges"];

    [Fact]
    public async Task A_check_stores_the_same_rows_set_based_as_through_EFs_save()
    {
        var throughEf = await RowsAfterCheckAsync(setBased: false);

        var setBased = await RowsAfterCheckAsync(setBased: true);

        Assert.Equal(throughEf.Keys, setBased.Keys);
        foreach (var (table, rows) in throughEf)
        {
            Assert.True(rows.SequenceEqual(setBased[table]), $"{table} differs:\nEF's save:\n{string.Join("\n", rows)}\nset-based:\n{string.Join("\n", setBased[table])}");
        }

        // The check did write through the workflow: suspensions, warnings, journals and notifications are among the rows compared.
        Assert.Equal(2, setBased["Suspensions"].Count);
        Assert.NotEmpty(setBased["OverdueWarnings"]);
    }

    /// <summary>Every table's rows after one check (each row one line, sorted), ids made ordinal so that two books compare.</summary>
    private static async Task<SortedDictionary<string, List<string>>> RowsAfterCheckAsync(bool setBased)
    {
        var server = new TestServer(new Dictionary<string, string?> { ["OverdueCheck:SetBasedWrites"] = setBased.ToString() }, new FakeTimeProvider(Now));
        await server.InitializeAsync();
        try
        {
            var admin = server.Client(Role.SuperAdmin);
            foreach (var (customer, daysOverdue) in new[] { ("c-copy-1", 40), ("c-copy-2", 45), ("c-copy-3", 10), ("c-copy-4", 0) })
            {
                await Api.CreateCustomer(admin, customer);
                await InvoiceAsync(admin, $"inv-{customer}-a", customer, daysOverdue);
                await InvoiceAsync(admin, $"inv-{customer}-b", customer, daysOverdue / 2);
            }

            await using (var scope = server.Services.CreateAsyncScope())
            {
                var sender = scope.ServiceProvider.GetRequiredService<ISender>();
                var runId = await sender.Send(new RecordManualOverdueCheck(Actor.System("spec")));
                var run = await sender.Send(new RunOverdueCheck(runId, "spec"));
                Assert.Equal((2, 0), (run.Suspended, run.Failed));
            }

            return await server.InScopeAsync(ReadRowsAsync);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static async Task InvoiceAsync(HttpClient client, string id, string customerId, int daysOverdue)
    {
        var due = AsOf.AddDays(-daysOverdue);
        await Api.Expect(await client.PutJson($"/api/invoices/{id}", new
        {
            customerId, amount = 120m, currency = "EUR", issuedAt = due.AddDays(-30).ToString("yyyy-MM-dd"), dueDate = due.ToString("yyyy-MM-dd"), paidAt = (DateTimeOffset?)null,
        }), System.Net.HttpStatusCode.Created);
    }

    private static async Task<SortedDictionary<string, List<string>>> ReadRowsAsync(RuleSuspensionDb db)
    {
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().Where(t => !NotCompared.Contains(t)).Order(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var raw = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            raw[table] = await LinesAsync(reader);
        }

        // Ids made on the fly (Guid.NewGuid, and what derives from them) are numbered in the order they first appear,
        // rows sorted without them (and again with their numbers), so the same rows on two books read alike.
        var ordinals = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var rows = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (table, lines) in raw)
        {
            rows[table] = lines.OrderBy(l => Ids().Replace(l, "#"), StringComparer.Ordinal).ThenBy(l => l, StringComparer.Ordinal)
                .Select(l => Ids().Replace(l, m => ordinals.TryGetValue(m.Value, out var n) ? n : ordinals[m.Value] = $"id{ordinals.Count}"))
                .Order(StringComparer.Ordinal)
                .ToList();
        }

        return rows;
    }

    private static async Task<List<string>> LinesAsync(DbDataReader reader)
    {
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            var values = new string[reader.FieldCount];
            for (var i = 0; i < reader.FieldCount; i++)
            {
                values[i] = reader.GetName(i) + "=" + Text(reader.IsDBNull(i) ? null : reader.GetValue(i));
            }

            lines.Add(string.Join(" | ", values));
        }

        return lines;
    }

    private static string Text(object? value) => value switch
    {
        null => "null",
        DateTimeOffset d => d.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static readonly Regex IdPattern = new("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", RegexOptions.Compiled);

    private static Regex Ids() => IdPattern;
}
