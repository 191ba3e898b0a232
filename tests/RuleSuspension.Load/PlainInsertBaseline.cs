using System.Data.Common;
using System.Diagnostics;

namespace RuleSuspension.Load;

/// <summary>
/// The floor to compare against: the same event rows inserted one statement each into a table of the same shape,
/// with the same number of concurrent writers, and nothing else (no HTTP, no read model, no workflow).
/// </summary>
internal static class PlainInsertBaseline
{
    public static async Task<LatencySummary> RunAsync(Func<DbConnection> open, int concurrency, int events)
    {
        await using (var setup = open())
        {
            await setup.OpenAsync();
            await Execute(setup, "CREATE TABLE IF NOT EXISTS \"BaselineEvents\" (\"Id\" TEXT PRIMARY KEY, \"Type\" TEXT NOT NULL, \"OccurredAt\" TEXT NOT NULL, \"CustomerId\" TEXT NOT NULL, \"Data\" TEXT NOT NULL, \"ReceivedAt\" TEXT NOT NULL)");
        }

        var recorder = new LatencyRecorder();
        var remaining = events;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            await using var connection = open();
            await connection.OpenAsync();
            int n;
            while ((n = Interlocked.Decrement(ref remaining)) >= 0)
            {
                var started = clock.Elapsed;
                await using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO \"BaselineEvents\" VALUES (@id, @type, @at, @customer, @data, @received)";
                Add(insert, "id", $"base-{worker}-{n}-{Guid.NewGuid():N}");
                Add(insert, "type", "customer.signed-up");
                Add(insert, "at", DateTimeOffset.UtcNow.ToString("O"));
                Add(insert, "customer", $"base-customer-{n}");
                Add(insert, "data", """{"customer":{"name":"Load","email":"x@load.test","tenantId":"t-load","planId":"starter","identityVerified":false}}""");
                Add(insert, "received", DateTimeOffset.UtcNow.ToString("O"));
                await insert.ExecuteNonQueryAsync();
                recorder.Record("insert", started, (clock.Elapsed - started).TotalMilliseconds);
            }
        }));
        return recorder.Summarise(TimeSpan.Zero, TimeSpan.MaxValue);
    }

    private static async Task Execute(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
