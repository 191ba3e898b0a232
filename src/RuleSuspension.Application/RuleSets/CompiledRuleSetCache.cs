using System.Collections.Concurrent;
using RuleSuspension.Domain.RuleSets;
using RuleSuspension.Domain.Common;
using RuleSuspension.Rules;
using RuleSuspension.Rules.NRules;

namespace RuleSuspension.Application.RuleSets;

/// <summary>
/// Compiled rule sets by name and version. A version never changes, so each is compiled once per process and
/// kept; finance's parameter values are converted once per version too. Which version of a set is the latest is
/// remembered with the catalogue's stamp it was found at. A code-defined version is served by the assembly loaded at
/// start when that assembly is the one the version names.
/// </summary>
public sealed class CompiledRuleSetCache(CodeRuleSetLibrary codeDefined)
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

    private CurrentRuleSet Compile(RuleSetVersion stored)
    {
        var document = RuleSetDocument.Parse(stored.Document).Document
            ?? throw new InvalidOperationException($"Stored rule set {stored.Name} v{stored.Version} is not a rule set document.");
        if (document.Kind == RuleSetKinds.NRules)
        {
            var loaded = codeDefined.Find(stored.Name);
            return loaded is not null && loaded.Document.Source == document.Source
                ? new CurrentRuleSet(stored.Name, stored.Version, loaded, ParameterValues.Parse(stored.ParameterValues))
                : throw DomainException.Conflict("rule-set-not-loaded",
                    $"Rule set {stored.Name} v{stored.Version} is code-defined from {document.Source}, and that assembly is not loaded (Rules:Assemblies{(loaded is null ? "" : $" has {loaded.Document.Source}")}).");
        }

        var compilation = RuleSetCompiler.Compile(document);
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
public sealed record CurrentRuleSet(string Name, int Version, IRuleSet RuleSet, ParameterValues Parameters)
{
    /// <summary>The authoring form: <c>data</c> or <c>nrules</c>.</summary>
    public string Kind => RuleSet.Kind;
}
