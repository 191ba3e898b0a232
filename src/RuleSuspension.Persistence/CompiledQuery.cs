using System.Collections.Concurrent;

namespace RuleSuspension.Persistence;

/// <summary>
/// A hot-path query compiled once per provider (<c>EF.CompileAsyncQuery</c> binds to the model of the first context it
/// runs on, and each provider has its own model: a process that opens both, as the tests do, needs one of each).
/// Compiled, a query skips EF's per-call work on the LINQ expression, which costs more than a small query itself.
/// </summary>
public sealed class CompiledQuery<TDelegate>(Func<TDelegate> compile) where TDelegate : Delegate
{
    private readonly ConcurrentDictionary<Type, TDelegate> _byProvider = new();

    /// <summary>The query compiled for <paramref name="db"/>'s provider.</summary>
    public TDelegate For(RuleSuspensionDb db) => _byProvider.GetOrAdd(db.GetType(), static (_, compile) => compile(), compile);
}
