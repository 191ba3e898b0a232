namespace RuleSuspension.Rules.NRules;

/// <summary>A rule assembly named by <c>Rules:Assemblies</c> is missing, is not a .NET assembly, or its rule sets are not valid.</summary>
public sealed class RuleAssemblyException : Exception
{
    /// <summary>Creates the exception with every problem found.</summary>
    public RuleAssemblyException(IReadOnlyList<string> problems, Exception? inner = null)
        : base("Code-defined rule sets could not be loaded (Rules:Assemblies): " + string.Join("; ", problems), inner)
    {
        Problems = problems;
    }

    /// <summary>Each problem, naming the assembly.</summary>
    public IReadOnlyList<string> Problems { get; }
}
