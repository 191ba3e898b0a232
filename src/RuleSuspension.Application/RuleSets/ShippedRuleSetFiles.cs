using RuleSuspension.Rules;

namespace RuleSuspension.Application.RuleSets;

/// <summary>
/// The shipped rule set files of a directory (<c>rulesets/*.json</c>), read, parsed and compiled: CPU only, no
/// database. The server starts this on a thread of its own as soon as its configuration names the directory, so that
/// it runs on the second core while the host is built, the database is reached and the migrations run;
/// <see cref="LoadShippedRuleSets"/> then only compares and writes. Without an early start (the CLI, the
/// benchmarks), the files are read when the load asks for them.
/// </summary>
public sealed class ShippedRuleSetFiles
{
    private readonly string? _directory;
    private readonly Task<IReadOnlyList<ShippedRuleSetFile>>? _reading;

    public ShippedRuleSetFiles()
    {
    }

    private ShippedRuleSetFiles(string directory)
    {
        _directory = Path.GetFullPath(directory);
        _reading = Task.Run(() => Read(_directory));
    }

    /// <summary>Starts reading <paramref name="directory"/> on the thread pool.</summary>
    public static ShippedRuleSetFiles StartReading(string directory) => new(directory);

    /// <summary>
    /// The files of <paramref name="directory"/> in ordinal order of their names: the early reading when it was of
    /// this directory (its failure, other than an invalid document, fails the load as a failure to read would),
    /// otherwise read now. An absent directory has none.
    /// </summary>
    public Task<IReadOnlyList<ShippedRuleSetFile>> ReadAsync(string directory)
    {
        var full = Path.GetFullPath(directory);
        return _reading is not null && full == _directory ? _reading : Task.FromResult(Read(full));
    }

    private static IReadOnlyList<ShippedRuleSetFile> Read(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        return Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal).Select(ReadFile).ToList();
    }

    private static ShippedRuleSetFile ReadFile(string file)
    {
        try
        {
            var (document, _) = RuleSetDocuments.ParseAndCompile(File.ReadAllText(file));
            return new ShippedRuleSetFile(Path.GetFileName(file), document, document.ToJson(), null);
        }
        catch (InvalidDocumentException invalid)
        {
            return new ShippedRuleSetFile(Path.GetFileName(file), null, null, invalid.Message);
        }
    }
}

/// <summary>One shipped file: its document (and the document as the catalogue stores it) when it parsed and compiled, otherwise why not.</summary>
public sealed record ShippedRuleSetFile(string FileName, RuleSetDocument? Document, string? Json, string? Errors);
