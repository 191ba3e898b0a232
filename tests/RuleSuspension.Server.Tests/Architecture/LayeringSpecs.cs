using System.Text.RegularExpressions;

namespace RuleSuspension.Server.Tests.Architecture;

/// <summary>
/// docs/architecture.md as checks over the sources: the server holds HTTP, the command line and composition, never the
/// DbContext; what differs between databases lives in that database's folder. A source scan rather than reflection over
/// the server's assembly: it names the file and line to fix and sees every project's sources without building them.
/// </summary>
public class LayeringSpecs
{
    private const string Server = "src/RuleSuspension.Server";

    /// <summary>The DbContext by any of its names, EF Core itself, and the provider's own types (a DbUpdateException included).</summary>
    private static readonly Regex DatabaseReach = new(
        @"\b(Sqlite|Postgres|SqlServer)?RuleSuspensionDb\b|\bDbContext\w*|\bDbSet\b|\bDb\w*Exception\b|\bMicrosoft\.EntityFrameworkCore\b|\bEF\.(Functions|CompileAsyncQuery|CompileQuery)\b",
        RegexOptions.Compiled);

    /// <summary>Every way the code has had of asking which database it is on (the issue's list, and comparisons of the setting).</summary>
    private static readonly Regex ProviderCheck = new(
        @"\.Is(Npgsql|Sqlite|SqlServer)\s*\(" +
        @"|\bNpgsql\w*|\bSqliteConnection\b|\bSqlConnection\b|\bUse(Sqlite|SqlServer|Npgsql)\b|\bMicrosoft\.Data\.(Sqlite|SqlClient)\b" +
        @"|ProviderName\s*(==|!=)|(==|!=)\s*[\w.]*\bProviderName\b|ProviderName\??\.(Equals|StartsWith|EndsWith|Contains)\s*\(|ProviderName\s+(is|switch)\b" +
        @"|(==|!=)\s*[\w.]*\bDatabaseProvider\.\w+|DatabaseProvider\.\w+\s*(==|!=)|\bis\s+(not\s+)?[\w.]*\bDatabaseProvider\.|\bcase\s+[\w.]*\bDatabaseProvider\.",
        RegexOptions.Compiled);

    /// <summary>Each database's folder (its code and its generated migrations), and the one place that picks the dialect at start.</summary>
    private static readonly Regex ProvidersPlace = new(
        @"^src/RuleSuspension\.Persistence/(Migrations/|CompiledModels/)?(Sqlite|PostgreSql|SqlServer)/|^src/RuleSuspension\.Persistence/DatabaseDialects\.cs$",
        RegexOptions.Compiled);

    [Fact]
    public void No_file_of_the_server_reaches_the_DbContext_or_EF_Core()
    {
        var found = Mentions(SourceTree.Files(Server), DatabaseReach);

        Assert.True(found.Count == 0, "The server reaches the database (send a query or command, or move the piece to Infrastructure):\n" + string.Join("\n", found));
    }

    [Fact]
    public void No_provider_check_outside_the_providers_folders()
    {
        var found = Mentions(SourceTree.Files("src").Where(f => !ProvidersPlace.IsMatch(f)), ProviderCheck);

        Assert.True(found.Count == 0, "Provider-specific code outside Persistence/{Sqlite,PostgreSql,SqlServer}/ (put it behind IDatabaseDialect):\n" + string.Join("\n", found));
    }

    [Theory]
    [InlineData("var db = services.GetRequiredService<RuleSuspensionDb>();")]
    [InlineData("using Microsoft.EntityFrameworkCore;")]
    [InlineData("catch (DbUpdateException e) { }")]
    [InlineData("(PostgresRuleSuspensionDb db) => db.Customers")]
    public void The_server_check_sees_the_DbContext_by_each_of_its_names(string code)
        => Assert.Matches(DatabaseReach, SourceTree.Code(code));

    [Theory]
    [InlineData("if (db.Database.IsNpgsql())")]
    [InlineData("if (settings.Provider == DatabaseProvider.PostgreSql)")]
    [InlineData("if (settings.Provider != Persistence.DatabaseProvider.Sqlite)")]
    [InlineData("return provider is DatabaseProvider.SqlServer;")]
    [InlineData("if (db.Database.ProviderName == \"Npgsql.EntityFrameworkCore.PostgreSQL\")")]
    [InlineData("await using var connection = new SqliteConnection(text);")]
    [InlineData("builder.UseSqlServer(text)")]
    public void The_provider_check_sees_each_way_of_asking_which_database(string code)
        => Assert.Matches(ProviderCheck, SourceTree.Code(code));

    [Theory]
    [InlineData("// the RuleSuspensionDb of the request, via Microsoft.EntityFrameworkCore")]
    [InlineData("/// <summary>Npgsql reports to its own meter.</summary>")]
    [InlineData("logger.Override(\"Microsoft.EntityFrameworkCore\", level);")]
    public void Comments_and_strings_are_no_reach(string code)
    {
        Assert.DoesNotMatch(DatabaseReach, SourceTree.Code(code));
        Assert.DoesNotMatch(ProviderCheck, SourceTree.Code(code));
    }

    private static List<string> Mentions(IEnumerable<string> files, Regex pattern)
        => files.SelectMany(file => SourceTree.CodeLines(file)
                .Where(line => pattern.IsMatch(line.Code))
                .Select(line => $"{file}:{line.Number}: {pattern.Match(line.Code).Value}"))
            .ToList();
}
