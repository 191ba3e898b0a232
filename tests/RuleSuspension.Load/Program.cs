using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using RuleSuspension.Load;

// Usage: dotnet run -c Release --project tests/RuleSuspension.Load -- [--database PostgreSql|Sqlite] [--rate 1000]
//        [--seconds 20] [--concurrency 32] [--max-events 20000] [--postgres "Host=...;Username=...;Database=postgres"]
// Builds nothing itself: build the server in Release first. Writes artifacts/load/<database>-<time>.md and .json.
var options = LoadOptions.Parse(args);
var run = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
var (connectionString, dropDatabase) = await PrepareDatabaseAsync(options, run);
Console.WriteLine($"Load run {run} on {options.Database}: {options.Rate}/s for {options.Seconds} s, then {options.MaxEvents} events with {options.Concurrency} senders");

LatencySummary steady, saturated, baseline;
long storedEvents, suspensions;
await using (var server = await ServerProcess.StartAsync(options.ServerDll, options.Workflows, options.Database, connectionString))
{
    using var client = await ClientAsync(server);
    var load = new EventLoad(client, run);
    // The JIT tiers the hot paths up (tier 0, instrumented, optimised) over the first seconds of load on both
    // sides; measuring before that measures the compiler.
    Console.WriteLine($"Warm-up: {options.WarmupSeconds} s at full speed");
    await load.SaturateForAsync(options.Concurrency, TimeSpan.FromSeconds(options.WarmupSeconds));
    await VacuumAnalyzeAsync(options.Database, connectionString);
    // The new statistics make every connection plan its prepared statements again: let that happen before measuring.
    await load.SaturateForAsync(options.Concurrency, TimeSpan.FromSeconds(3));
    Console.WriteLine($"Steady rate: {options.Rate}/s for {options.Seconds} s");
    steady = await load.SteadyAsync(options.Rate, options.Seconds);
    Print("steady", steady);
    Console.WriteLine($"  steady, worst ms by second: {string.Join(' ', steady.WorstBySecond)}");
    Console.WriteLine($"Saturation: {options.MaxEvents} events, {options.Concurrency} senders");
    saturated = await load.SaturateAsync(options.Concurrency, options.MaxEvents);
    Print("saturated", saturated);
    (storedEvents, suspensions) = await CountAsync(options.Database, connectionString ?? SqliteFile(server));
    Console.WriteLine($"Persisted: {storedEvents} events, {suspensions} active suspensions (sent {load.Sent})");
    connectionString ??= SqliteFile(server);
}

Console.WriteLine($"Plain insert baseline: {options.MaxEvents} rows, {options.Concurrency} writers");
baseline = await PlainInsertBaseline.RunAsync(options.Database, connectionString, options.Concurrency, options.MaxEvents);
Print("plain insert", baseline);
await dropDatabase();

var report = Report(options, run, steady, saturated, baseline, storedEvents, suspensions);
Directory.CreateDirectory(options.ReportDirectory);
var stem = Path.Combine(options.ReportDirectory, $"{options.Database.ToLowerInvariant()}-{run}");
await File.WriteAllTextAsync(stem + ".md", report);
await File.WriteAllTextAsync(stem + ".json", JsonSerializer.Serialize(new { options, run, steady, saturated, baseline, storedEvents, suspensions }, new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine();
Console.WriteLine(report);
return steady.Errors + saturated.Errors == 0 ? 0 : 1;

static void Print(string phase, LatencySummary s)
    => Console.WriteLine($"  {phase}: {s.Requests} ok, {s.Errors} errors, {s.PerSecond:F0}/s, p50 {s.P50:F1} ms, p99 {s.P99:F1} ms, max {s.Max:F1} ms");

static string SqliteFile(ServerProcess server) => $"Data Source={Path.Combine(server.DataDirectory, "rulesuspension.db")}";

static async Task<HttpClient> ClientAsync(ServerProcess server)
{
    var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
    var client = new HttpClient(handler) { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
    client.DefaultRequestHeaders.Add("X-Api-Key", server.AdminKey());
    var created = await (await client.PostAsJsonAsync("/api/keys", new { role = "Integration", name = "load" })).Content.ReadFromJsonAsync<JsonElement>();
    client.DefaultRequestHeaders.Remove("X-Api-Key");
    client.DefaultRequestHeaders.Add("X-Api-Key", created.GetProperty("key").GetString());
    return client;
}

static async Task<(string? ConnectionString, Func<Task> Drop)> PrepareDatabaseAsync(LoadOptions options, string run)
{
    if (options.Database != "PostgreSql")
    {
        return (null, () => Task.CompletedTask);
    }

    if (string.IsNullOrEmpty(options.PostgresAdmin))
    {
        throw new InvalidOperationException("PostgreSQL needs --postgres or RS_TEST_POSTGRES (scripts/postgres.sh start prints one).");
    }

    var name = $"rs_load_{run}";
    await using (var admin = new NpgsqlConnection(options.PostgresAdmin))
    {
        await admin.OpenAsync();
        await new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin).ExecuteNonQueryAsync();
    }

    var connectionString = new NpgsqlConnectionStringBuilder(options.PostgresAdmin) { Database = name, MaxPoolSize = 200 }.ConnectionString;
    return (connectionString, async () =>
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(options.PostgresAdmin);
        await admin.OpenAsync();
        await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin).ExecuteNonQueryAsync();
    });
}

// A database in service has statistics, and its tables are past the growth at which autovacuum visits them (it
// visits a table each time it grows by a fifth). This one is a minute old: the server's prepared statements were
// planned on empty tables (a sequential scan stays cheap there, until it is not), and the warm-up's rows would have
// autovacuum working through the measured phases. VACUUM ANALYZE after the warm-up does now what autovacuum does in
// the database's first minutes; the plans are made again on the new statistics.
static async Task VacuumAnalyzeAsync(string provider, string? connectionString)
{
    if (provider != "PostgreSql")
    {
        return;
    }

    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await new NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 600 }.ExecuteNonQueryAsync();
}

static async Task<(long Events, long Suspensions)> CountAsync(string provider, string connectionString)
{
    System.Data.Common.DbConnection connection = provider == "PostgreSql" ? new NpgsqlConnection(connectionString) : new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
    await using (connection)
    {
        await connection.OpenAsync();
        async Task<long> Scalar(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        return (await Scalar("SELECT COUNT(*) FROM \"Events\""), await Scalar("SELECT COUNT(*) FROM \"Suspensions\" WHERE \"LiftedAt\" IS NULL"));
    }
}

static string Report(LoadOptions o, string run, LatencySummary steady, LatencySummary saturated, LatencySummary baseline, long events, long suspensions)
{
    var text = new StringBuilder();
    text.AppendLine($"### Events end to end on {o.Database} (run {run}, {Environment.ProcessorCount} cores, client and server on the same machine)");
    text.AppendLine();
    text.AppendLine("| phase | requests | errors | per second | p50 ms | p99 ms | max ms |");
    text.AppendLine("|---|---|---|---|---|---|---|");
    foreach (var (phase, s) in new[] { ($"steady {o.Rate}/s for {o.Seconds} s (HTTP)", steady), ($"saturated, {o.Concurrency} senders (HTTP)", saturated), ($"plain INSERT of the same rows, {o.Concurrency} writers", baseline) })
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"| {phase} | {s.Requests} | {s.Errors} | {s.PerSecond:F0} | {s.P50:F1} | {s.P99:F1} | {s.Max:F1} |");
    }

    text.AppendLine();
    text.AppendLine(CultureInfo.InvariantCulture, $"Steady phase, worst latency (ms) of the requests due in each second: {string.Join(' ', steady.WorstBySecond)}.");
    text.AppendLine();
    text.AppendLine(CultureInfo.InvariantCulture, $"End-to-end throughput is {saturated.PerSecond / baseline.PerSecond:P0} of the plain insert ({baseline.PerSecond / saturated.PerSecond:F1}x slower). Persisted: {events} events, {suspensions} active suspensions.");
    return text.ToString();
}
