using System.Collections.Concurrent;
using RuleSuspension.Domain.RuleSets;
using RuleSuspension.Rules;

namespace RuleSuspension.Application.RuleSets;

/// <summary>
/// Compiled rule sets by name and version. A version never changes, so each is compiled once per process and
/// kept; finance's parameter values are converted once per version too. Which version of a set is the latest is
/// remembered with the catalogue's stamp it was found at.
/// </summary>
public sealed class CompiledRuleSetCache
{
    private readonly ConcurrentDictionary<(string Name, int Version), Lazy<CurrentRuleSet>> _compiled = new();
    private readonly ConcurrentDictionary<string, (long Stamp, CurrentRuleSet Current)> _latest = new(StringComparer.Ordinal);

    /// <summary>The latest version of <paramref name="name"/> if it was found at this catalogue stamp.</summary>
    public CurrentRuleSet? Latest(string name, long stamp)
        => _latest.TryGetValue(name, out var latest) && latest.Stamp == stamp ? latest.Current : null;

    public void RememberLatest(CurrentRuleSet current, long stamp) => _latest[current.Name] = (stamp, current);

    public CurrentRuleSet? Find(string name, int version)
        => _compiled.TryGetValue((name, version), out var compiled) && compiled.IsValueCreated ? compiled.Value : null;

    public CurrentRuleSet Get(RuleSetVersion stored)
        => _compiled.GetOrAdd((stored.Name, stored.Version), _ => new Lazy<CurrentRuleSet>(() => Compile(stored))).Value;

    private static CurrentRuleSet Compile(RuleSetVersion stored)
    {
        var compilation = RuleSetCompiler.Compile(stored.Document);
        if (!compilation.Succeeded)
        {
            // Only valid documents are stored, so this means the language changed under a stored version (a limit
            // added since): it fails like an evaluation, so a dry run answers 422 and a workflow step faults.
            throw new RuleEvaluationException($"Stored rule set {stored.Name} v{stored.Version} no longer compiles: {string.Join("; ", compilation.Errors)}");
        }

        return new CurrentRuleSet(stored.Name, stored.Version, compilation.RuleSet!, ParameterValues.Parse(stored.ParameterValues));
    }
}

/// <summary>A stored version of a rule set, compiled, with the parameter values finance set.</summary>
public sealed record CurrentRuleSet(string Name, int Version, CompiledRuleSet RuleSet, ParameterValues Parameters);
