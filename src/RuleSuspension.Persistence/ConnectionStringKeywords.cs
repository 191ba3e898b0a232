using System.Data.Common;

namespace RuleSuspension.Persistence;

/// <summary>
/// The keywords an operator wrote in a connection string, so that a default is applied only where they wrote none.
/// The providers' own builders cannot tell: they answer every keyword they know.
/// </summary>
internal sealed class ConnectionStringKeywords(string connectionString)
{
    private readonly HashSet<string> _written = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
        .Cast<string>().Select(Normalised).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when any of the spellings (spaces do not count) was written.</summary>
    public bool Written(params string[] spellings) => spellings.Any(s => _written.Contains(Normalised(s)));

    private static string Normalised(string keyword) => keyword.Replace(" ", string.Empty);
}
