using RuleSuspension.Rules.Compilation;

namespace RuleSuspension.Rules;

/// <summary>Options of <see cref="RuleSetCompiler"/>.</summary>
public sealed record RuleSetCompilerOptions
{
    /// <summary>The default options.</summary>
    public static RuleSetCompilerOptions Default { get; } = new();

    /// <summary>
    /// Most rules one evaluation may fire before it fails with <see cref="RuleEvaluationException"/>.
    /// Each rule fires at most once, so this bounds sets with very many rules chaining through derived facts.
    /// </summary>
    public int MaxCycles { get; init; } = 1000;
}

/// <summary>The outcome of compiling a rule set: the compiled set, or every error found.</summary>
public sealed record RuleSetCompilation(CompiledRuleSet? RuleSet, IReadOnlyList<RuleError> Errors)
{
    /// <summary>True when <see cref="RuleSet"/> is set (no errors).</summary>
    public bool Succeeded => RuleSet is not null;
}

/// <summary>Validates and compiles rule sets.</summary>
public static class RuleSetCompiler
{
    /// <summary>
    /// Type-checks every rule, parameter and message of <paramref name="document"/> and compiles it to delegates.
    /// Returns every error found (not only the first), each with its JSON path and position in the expression.
    /// Compile once per rule-set version and keep the <see cref="CompiledRuleSet"/> (the application caches it by stored version).
    /// </summary>
    public static RuleSetCompilation Compile(RuleSetDocument document, RuleSetCompilerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        return RuleSetBuilder.Build(document, options ?? RuleSetCompilerOptions.Default);
    }

    /// <summary>Parses JSON text (<see cref="RuleSetDocument.Parse"/>) and compiles the document.</summary>
    public static RuleSetCompilation Compile(string json, RuleSetCompilerOptions? options = null)
    {
        var parsed = RuleSetDocument.Parse(json);
        return parsed.Document is null ? new RuleSetCompilation(null, parsed.Errors) : Compile(parsed.Document, options);
    }
}
