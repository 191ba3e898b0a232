namespace RuleSuspension.Load;

/// <summary>What a load run does; every value has a command-line flag (see <see cref="Parse"/>).</summary>
internal sealed record LoadOptions(
    string Database,
    string? PostgresAdmin,
    int Rate,
    int Seconds,
    int WarmupSeconds,
    int Concurrency,
    int MaxEvents,
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

        var root = RepositoryRoot();
        return new LoadOptions(
            Value("--database", "PostgreSql"),
            Value("--postgres", Environment.GetEnvironmentVariable("RS_TEST_POSTGRES") ?? ""),
            int.Parse(Value("--rate", "1000")),
            int.Parse(Value("--seconds", "20")),
            int.Parse(Value("--warmup", "20")),
            int.Parse(Value("--concurrency", "32")),
            int.Parse(Value("--max-events", "20000")),
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
