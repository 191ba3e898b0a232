using System.Reflection;
using System.Runtime.Loader;

namespace RuleSuspension.Rules.NRules.Loading;

/// <summary>
/// Loads a rule assembly with its own dependencies, but takes every assembly the host already has (the fact model,
/// the NRules adapter, NRules itself) from the host: the rules must see the very types the engine inserts.
/// </summary>
internal sealed class RuleAssemblyLoadContext(string path) : AssemblyLoadContext($"rules:{Path.GetFileName(path)}", isCollectible: false)
{
    private static readonly HashSet<string> HostAssemblies = ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(Path.GetFileNameWithoutExtension)
        .OfType<string>()
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    private readonly AssemblyDependencyResolver _resolver = new(path);

    protected override Assembly? Load(AssemblyName name)
    {
        if (name.Name is null || HostAssemblies.Contains(name.Name) || Default.Assemblies.Any(a => a.GetName().Name == name.Name))
            return null;
        return _resolver.ResolveAssemblyToPath(name) is { } dependency ? LoadFromAssemblyPath(dependency) : null;
    }
}
