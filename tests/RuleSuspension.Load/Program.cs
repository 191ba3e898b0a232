using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using RuleSuspension.Load;
using RuleSuspension.Persistence;
using RuleSuspension.Testing;

// Usage: build the server in Release first; `--help` prints the flags (LoadOptions), the README's load section their defaults.
// Fresh by default: a new database, a new server process, no warm-up and nothing done to the database but what the
// server itself does. Writes artifacts/load/<database>-<fresh|warm>[-kill]-<time>.md and .json.
if (args is ["--help"] or ["-h"])
{
    Console.WriteLine(LoadOptions.Usage);
    return 0;
}

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (LoadOptionsException refused)
{
    Console.Error.WriteLine(refused.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

var run = DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
var database = await LoadDatabase.CreateAsync(options, run);
Console.WriteLine($"Load run {run} on {options.Database}: mixed stories, {options.Rate}/s for {options.Seconds} s, then {options.MaxEvents} events with {options.Concurrency} senders");

var catalogue = new StoryCatalogue(run, options.Seed);
var stories = new List<Story>();
var steady = new LatencyRecorder();
var saturated = new LatencyRecorder();
TimeSpan saturatedFor = TimeSpan.Zero;
double? restartedIn = null;
double startedIn;
EndStateResult endState;
EventSender sender;
string clientConnectionString;
await using (var server = await ServerProcess.StartAsync(new ServerProcessOptions
{
    ServerDll = options.ServerDll,
    WorkflowsDirectory = options.Workflows,
    DataDirectory = Path.Combine(Path.GetTempPath(), "rs-load", Guid.NewGuid().ToString("N")),
    Provider = Enum.Parse<DatabaseProvider>(options.Database),
    ConnectionString = database.ServerConnectionString,
    Settings = new Dictionary<string, string> { ["Serilog:MinimumLevel:Default"] = "Warning" },
    OnErrorLine = line => Console.Error.WriteLine("server: " + line),
}))
{
    startedIn = server.StartedIn.TotalMilliseconds;
    Console.WriteLine($"Server healthy {startedIn:F0} ms after its process started");
    using var client = await ClientAsync(server);
    sender = new EventSender(client, TimeSpan.FromSeconds(options.ResendForSeconds));
    var openLoop = new OpenLoopTraffic(sender, catalogue, options.CustomersInProgress, options.Seed);
    if (options.WarmSeconds > 0)
    {
        Console.WriteLine($"Warm run: {options.WarmSeconds} s of the same traffic first, not measured");
        stories.AddRange(await openLoop.RunAsync(options.Rate, TimeSpan.FromSeconds(options.WarmSeconds), new LatencyRecorder()));
    }

    Console.WriteLine($"Steady: {options.Rate} events/s for {options.Seconds} s" + (options.KillAfterSeconds > 0 ? $", server killed -9 after {options.KillAfterSeconds} s" : ""));
    Func<Task>? kill = options.KillAfterSeconds > 0
        ? async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(options.KillAfterSeconds));
            var clock = Stopwatch.StartNew();
            await server.RestartAsync();
            restartedIn = clock.Elapsed.TotalMilliseconds;
            Console.WriteLine($"  killed -9 and healthy again in {restartedIn:F0} ms");
        }
        : null;
    stories.AddRange(await openLoop.RunAsync(options.Rate, TimeSpan.FromSeconds(options.Seconds), steady, kill));
    if (options.MaxEvents > 0)
    {
        Console.WriteLine($"Saturation: {options.MaxEvents} events, {options.Concurrency} senders playing whole stories");
        var (played, elapsed) = await new ClosedLoopTraffic(sender, catalogue).RunAsync(options.Concurrency, options.MaxEvents, saturated);
        stories.AddRange(played);
        saturatedFor = elapsed;
    }

    clientConnectionString = database.ClientConnectionString(server);
    endState = await EndStateCheck.RunAsync(database.Opener(clientConnectionString), run, stories);
}

var baselineRows = options.MaxEvents > 0 ? options.MaxEvents : 20000;
Console.WriteLine($"Plain insert baseline: {baselineRows} rows, {options.Concurrency} writers");
var baseline = await PlainInsertBaseline.RunAsync(database.Opener(clientConnectionString), options.Concurrency, baselineRows);
await database.DropAsync();

var first = TimeSpan.FromSeconds(options.FirstSeconds);
var phases = new List<PhaseFigures>
{
    Figures($"steady {options.Rate}/s, whole phase", steady, TimeSpan.Zero, TimeSpan.MaxValue),
    Figures($"steady, first {options.FirstSeconds} s", steady, TimeSpan.Zero, first),
    Figures($"steady, after {options.FirstSeconds} s", steady, first, TimeSpan.MaxValue),
};
if (options.MaxEvents > 0)
{
    phases.Add(Figures($"saturated, {options.Concurrency} senders", saturated, TimeSpan.Zero, TimeSpan.MaxValue));
}

var report = new LoadReport(options, run, startedIn, restartedIn, phases, steady.WorstBySecond(), baseline, sender.Refusals, sender.GivenUp, sender.Resends, sender.Conflicts, endState);
var file = await report.WriteAsync();
Console.WriteLine();
Console.WriteLine(report.Markdown());
Console.WriteLine($"Report: {file}");
return report.Refused + report.GivenUp == 0 && endState.AllRight ? 0 : 1;

static PhaseFigures Figures(string phase, LatencyRecorder recorder, TimeSpan from, TimeSpan to)
    => new(phase, recorder.Summarise(from, to), recorder.Kinds().ToDictionary(k => k, k => recorder.Summarise(from, to, k)));

static async Task<HttpClient> ClientAsync(ServerProcess server)
{
    var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
    var client = new HttpClient(handler) { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
    client.DefaultRequestHeaders.Add("X-Api-Key", await server.AdminKeyAsync());
    var created = await (await client.PostAsJsonAsync("/api/keys", new { role = "Integration", name = "load" })).Content.ReadFromJsonAsync<JsonElement>();
    client.DefaultRequestHeaders.Remove("X-Api-Key");
    client.DefaultRequestHeaders.Add("X-Api-Key", created.GetProperty("key").GetString());
    return client;
}
