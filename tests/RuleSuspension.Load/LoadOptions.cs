using System.Globalization;

namespace RuleSuspension.Load;

/// <summary>What a load run does; every value has a command-line flag (see <see cref="Parse"/> and the README).</summary>
internal sealed record LoadOptions(
    string Database,
    string? PostgresAdmin,
    int Rate,
    int Seconds,
    int FirstSeconds,
    int WarmSeconds,
    int KillAfterSeconds,
    int ResendForSeconds,
    int CustomersInProgress,
    int Concurrency,
    int MaxEvents,
    int Seed,
    string ServerDll,
    string Workflows,
    string ReportDirectory)
{
    public static LoadOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }

        int Number(string name, int fallback) => int.Parse(Value(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

        var root = RepositoryRoot();
        return new LoadOptions(
            Value("--database", "PostgreSql"),
            Value("--postgres", Environment.GetEnvironmentVariable("RS_TEST_POSTGRES") ?? ""),
            Number("--rate", 1000),
            Number("--seconds", 120),
            Number("--first-seconds", 60),
            Number("--warm", 0),
            Number("--kill-after", 0),
            Number("--resend-for", 600),
            Number("--in-progress", 256),
            Number("--concurrency", 32),
            Number("--max-events", 20000),
            Number("--seed", 1),
            Value("--server-dll", Path.Combine(root, "src", "RuleSuspension.Server", "bin", "Release", "net10.0", "RuleSuspension.Server.dll")),
            Value("--workflows", Path.Combine(root, "workflows")),
            Value("--report", Path.Combine(root, "artifacts", "load")));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RuleSuspension.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? Directory.GetCurrentDirectory();
    }
}
