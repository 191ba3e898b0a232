using System.Net.Http.Json;
using System.Text.Json;
using RuleSuspension.Testing;

namespace RuleSuspension.Server.Tests.Hosting;

/// <summary>
/// The start overlaps its phases (the shipped rule set files are read on another thread from the start; the
/// scheduler is created while the catalogue loads), and still means what it meant: the server as deployed (its own
/// process) answers its first <c>/health</c> 200 with every shipped rule set in the catalogue, and a broken shipped
/// file is left out with its log line while the start goes on.
/// </summary>
public sealed class StartOrderSpecs(StartOrderSpecs.FirstHealthyStart start) : IClassFixture<StartOrderSpecs.FirstHealthyStart>
{
    [Fact]
    public void The_first_health_200_finds_every_shipped_rule_set_in_the_catalogue()
        => Assert.Subset(start.CatalogueAtFirstHealthy.ToHashSet(), FirstHealthyStart.ShippedRuleSetNames().ToHashSet());

    [Fact]
    public void A_broken_shipped_rule_set_is_left_out_with_its_log_line_and_the_start_goes_on()
    {
        Assert.DoesNotContain("broken", start.CatalogueAtFirstHealthy);
        Assert.Contains($"Shipped rule set {FirstHealthyStart.BrokenFile} is not valid and was not loaded", start.Log.Replace("\"", string.Empty));
    }

    /// <summary>
    /// One start of the server process on a fresh database, with the repository's workflows plus a rule set file that
    /// does not compile; the catalogue is read the moment <c>/health</c> first answers 200.
    /// </summary>
    public sealed class FirstHealthyStart : IAsyncLifetime
    {
        public const string BrokenFile = "broken.json";
        private readonly string _root = Path.Combine(Path.GetTempPath(), "rs-start-order", Guid.NewGuid().ToString("N"));
        private TestDatabase? _database;
        private ServerProcess? _process;

        public IReadOnlyList<string> CatalogueAtFirstHealthy { get; private set; } = [];

        public string Log => _process?.Log ?? string.Empty;

        public static IEnumerable<string> ShippedRuleSetNames()
            => Directory.EnumerateFiles(Path.Combine(ServerProcess.RepositoryRoot(), "workflows", "rulesets"), "*.json")
                .Select(file => JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("name").GetString()!);

        public async Task InitializeAsync()
        {
            var workflows = Path.Combine(_root, "workflows");
            CopyDirectory(Path.Combine(ServerProcess.RepositoryRoot(), "workflows"), workflows);
            await File.WriteAllTextAsync(Path.Combine(workflows, "rulesets", BrokenFile),
                """{ "name": "broken", "rules": [ { "name": "r", "when": "customer.nosuchfield >", "then": [ { "type": "warn", "reasonCode": "x" } ] } ] }""");
            _database = await TestDatabase.CreateAsync();
            var data = Path.Combine(_root, "data");
            _process = await ServerProcess.StartAsync(new ServerProcessOptions
            {
                DataDirectory = data,
                WorkflowsDirectory = workflows,
                Provider = _database.Provider,
                ConnectionString = _database.ConnectionString,
                Settings = new Dictionary<string, string> { ["Serilog:MinimumLevel:Default"] = "Warning" },
            });

            // The first key is written before the first 200 too (it is the catalogue's last step).
            using var client = _process.Client(await File.ReadAllTextAsync(Path.Combine(data, "admin.key")) is var key ? key.Trim() : null);
            var ruleSets = await client.GetFromJsonAsync<JsonElement>("/api/rulesets");
            CatalogueAtFirstHealthy = ruleSets.EnumerateArray().Select(r => r.GetProperty("name").GetString()!).ToList();
        }

        public async Task DisposeAsync()
        {
            if (_process is not null)
            {
                await _process.DisposeAsync();
            }

            if (_database is not null)
            {
                await _database.DisposeAsync();
            }

            Directory.Delete(_root, recursive: true);
        }

        private static void CopyDirectory(string from, string to)
        {
            Directory.CreateDirectory(to);
            foreach (var file in Directory.EnumerateFiles(from))
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            }

            foreach (var directory in Directory.EnumerateDirectories(from))
            {
                CopyDirectory(directory, Path.Combine(to, Path.GetFileName(directory)));
            }
        }
    }
}
