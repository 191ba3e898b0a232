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
    /// <summary>Every flag the tool reads, with what its value is; the README's load tool section has their defaults.</summary>
    private static readonly (string Name, string Value)[] Flags =
    [
        ("--database", "PostgreSql|Sqlite"), ("--postgres", "CS"), ("--rate", "N"), ("--seconds", "N"), ("--first-seconds", "N"),
        ("--warm", "N"), ("--kill-after", "N"), ("--resend-for", "N"), ("--in-progress", "N"), ("--concurrency", "N"),
        ("--max-events", "N"), ("--seed", "N"), ("--server-dll", "PATH"), ("--workflows", "DIR"), ("--report", "DIR"),
    ];

    /// <summary>One line of usage, naming every flag.</summary>
    public static string Usage { get; } =
        "usage: dotnet run -c Release --project tests/RuleSuspension.Load -- " + string.Join(' ', Flags.Select(f => $"[{f.Name} {f.Value}]"));

    /// <summary>Reads the flags; a flag it does not know, a flag without its value or a value of the wrong kind is
    /// refused with <see cref="LoadOptionsException"/> before anything is started, rather than run with a default.</summary>
    public static LoadOptions Parse(string[] args)
    {
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!Flags.Any(flag => flag.Name == args[i]))
            {
                throw new LoadOptionsException($"unknown flag '{args[i]}'");
            }

            if (i + 1 >= args.Length)
            {
                throw new LoadOptionsException($"{args[i]} needs a value");
            }
        }

        string Value(string name, string fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 ? args[index + 1] : fallback;
        }

        int Number(string name, int fallback)
        {
            var value = Value(name, fallback.ToString(CultureInfo.InvariantCulture));
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                ? number
                : throw new LoadOptionsException($"{name} takes a whole number of 0 or more, not '{value}'");
        }

        var database = Value("--database", "PostgreSql");
        if (database is not ("PostgreSql" or "Sqlite"))
        {
            throw new LoadOptionsException($"--database is PostgreSql or Sqlite, not '{database}'");
        }

        var postgres = Value("--postgres", Environment.GetEnvironmentVariable("RS_TEST_POSTGRES") ?? "");
        if (database == "PostgreSql" && postgres.Length == 0)
        {
            throw new LoadOptionsException("PostgreSQL needs --postgres or RS_TEST_POSTGRES (scripts/postgres.sh start prints one)");
        }

        var root = RepositoryRoot();
        return new LoadOptions(
            database,
            postgres,
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

/// <summary>A command line the load tool refuses; its message says which flag and why.</summary>
internal sealed class LoadOptionsException(string message) : Exception(message);
