using System.Collections.Concurrent;

namespace RuleSuspension.Rules;

/// <summary>
/// Keeps one compiled rule set per name and version, so that a version is compiled once. A document whose
/// content changed under the same name and version is compiled again (the content is part of the key).
/// Thread-safe.
/// </summary>
public sealed class RuleSetCache
{
    private readonly ConcurrentDictionary<(string Name, int Version), (string Content, RuleSetCompilation Compilation)> _entries = new();

    /// <summary>Returns the cached compilation of this document's name and version, compiling it on first use.</summary>
    public RuleSetCompilation GetOrCompile(RuleSetDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var content = document.ToJson();
        var key = (document.Name, document.Version);
        if (_entries.TryGetValue(key, out var entry) && entry.Content == content) return entry.Compilation;
        var compilation = RuleSetCompiler.Compile(document);
        _entries[key] = (content, compilation);
        return compilation;
    }

    /// <summary>Forgets every version of a rule set.</summary>
    public void Evict(string name)
    {
        foreach (var key in _entries.Keys.Where(k => k.Name == name)) _entries.TryRemove(key, out _);
    }
}
