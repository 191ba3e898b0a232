using System.Reflection;
using System.Security.Cryptography;
using NRules;
using NRules.Fluent;
using NRules.Fluent.Dsl;
using RuleSuspension.Rules.NRules.Engine;
using RuleSuspension.Rules.NRules.Loading;

namespace RuleSuspension.Rules.NRules;

/// <summary>
/// The code-defined rule sets of the assemblies named by <c>Rules:Assemblies</c>, loaded and compiled once at start.
/// A set's version is its assembly's identity and content hash (<see cref="RuleSetDocument.Source"/>): a rebuilt
/// assembly with different content is a new version.
/// </summary>
public sealed class CodeRuleSetLibrary
{
    private readonly Dictionary<string, IRuleSet> _ruleSets;

    private CodeRuleSetLibrary(IEnumerable<IRuleSet> ruleSets)
        => _ruleSets = ruleSets.ToDictionary(r => r.Name, StringComparer.Ordinal);

    /// <summary>No code-defined rule sets.</summary>
    public static CodeRuleSetLibrary Empty { get; } = new([]);

    /// <summary>The rule sets, by name.</summary>
    public IReadOnlyCollection<IRuleSet> RuleSets => _ruleSets.Values;

    /// <summary>The set of that name, or null.</summary>
    public IRuleSet? Find(string name) => _ruleSets.GetValueOrDefault(name);

    /// <summary>
    /// Loads every assembly (paths relative to <paramref name="baseDirectory"/>) and compiles its rule sets.
    /// </summary>
    /// <exception cref="RuleAssemblyException">Every problem found: missing files, files that are not assemblies,
    /// rule sets without rules, parameters of unsupported types, duplicate names, rules NRules cannot compile.</exception>
    public static CodeRuleSetLibrary Load(IEnumerable<string> paths, string baseDirectory)
    {
        var problems = new List<string>();
        var ruleSets = new List<IRuleSet>();
        foreach (var configured in paths)
        {
            var path = Path.GetFullPath(configured, baseDirectory);
            if (!File.Exists(path))
            {
                problems.Add($"'{configured}': no file at {path}");
                continue;
            }
            Assembly assembly;
            try
            {
                assembly = new RuleAssemblyLoadContext(path).LoadFromAssemblyPath(path);
            }
            catch (BadImageFormatException)
            {
                problems.Add($"'{configured}': not a .NET assembly");
                continue;
            }
            catch (FileLoadException e)
            {
                problems.Add($"'{configured}': could not be loaded: {e.Message}");
                continue;
            }
            ruleSets.AddRange(FromAssembly(assembly, configured, problems));
        }
        foreach (var duplicate in ruleSets.GroupBy(r => r.Name).Where(g => g.Count() > 1))
            problems.Add($"rule set '{duplicate.Key}' is declared {duplicate.Count()} times");
        return problems.Count > 0 ? throw new RuleAssemblyException(problems) : new CodeRuleSetLibrary(ruleSets);
    }

    /// <summary>The rule sets declared in an assembly already loaded (used by tests and benchmarks).</summary>
    internal static CodeRuleSetLibrary From(Assembly assembly)
    {
        var problems = new List<string>();
        var ruleSets = FromAssembly(assembly, assembly.GetName().Name ?? "assembly", problems);
        return problems.Count > 0 ? throw new RuleAssemblyException(problems) : new CodeRuleSetLibrary(ruleSets);
    }

    private static List<IRuleSet> FromAssembly(Assembly assembly, string configured, List<string> problems)
    {
        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            problems.Add($"'{configured}': its types could not be loaded: {string.Join("; ", e.LoaderExceptions.Select(l => l?.Message).Distinct())}");
            return [];
        }

        var source = Source(assembly);
        var declarations = types.Where(t => t is { IsAbstract: false, IsClass: true } && typeof(CodeRuleSet).IsAssignableFrom(t)).ToList();
        if (declarations.Count == 0)
            problems.Add($"'{configured}': declares no rule set (a class deriving CodeRuleSet<TParameters>)");

        var ruleSets = new List<IRuleSet>();
        foreach (var type in declarations)
        {
            var before = problems.Count;
            if (type.GetConstructor(Type.EmptyTypes) is null)
            {
                problems.Add($"'{configured}': rule set class '{type.FullName}' has no public parameterless constructor");
                continue;
            }
            var declaration = (CodeRuleSet)Activator.CreateInstance(type)!;
            var ruleTypes = types.Where(t => t is { IsAbstract: false, IsClass: true } && t.Namespace == type.Namespace && typeof(Rule).IsAssignableFrom(t)).ToArray();
            if (ruleTypes.Length == 0)
                problems.Add($"'{configured}': rule set '{declaration.Name}' has no rules (Rule classes in namespace '{type.Namespace}')");
            var parameterProblems = new List<string>();
            var parameters = ParameterBinder.Declare(declaration.ParametersType, parameterProblems);
            problems.AddRange(parameterProblems.Select(p => $"'{configured}': rule set '{declaration.Name}': {p}"));
            if (problems.Count > before) continue;

            try
            {
                var repository = new RuleRepository();
                repository.Load(spec => spec.From(ruleTypes));
                var rules = repository.GetRules().ToList();
                foreach (var duplicate in rules.GroupBy(r => r.Name).Where(g => g.Count() > 1))
                    problems.Add($"'{configured}': rule set '{declaration.Name}' has {duplicate.Count()} rules named '{duplicate.Key}'");
                if (problems.Count > before) continue;
                ruleSets.Add(new NRulesRuleSet(declaration, source, rules, repository.Compile(), parameters!));
            }
            catch (Exception e) when (e is RuleDefinitionException or RuleCompilationException or ArgumentException or InvalidOperationException)
            {
                problems.Add($"'{configured}': rule set '{declaration.Name}' does not compile: {e.Message}");
            }
        }
        return ruleSets;
    }

    /// <summary>The assembly's identity and the SHA-256 of its file: the version of the sets it declares.</summary>
    private static string Source(Assembly assembly)
    {
        var name = assembly.GetName();
        var hash = assembly.Location is { Length: > 0 } location ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(location))) : "unknown";
        return $"{name.Name} {name.Version}; sha256:{hash}";
    }
}
