using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Common;
using RuleSuspension.Domain.RuleSets;
using RuleSuspension.Persistence;

namespace RuleSuspension.Application.RuleSets;

/// <summary>Finds the current (latest) version of a rule set, compiled.</summary>
public sealed class RuleSetCatalog(RuleSuspensionDb db, CompiledRuleSetCache cache)
{
    /// <remarks>One small query for the latest version number; the document is read only when that version is not compiled yet.</remarks>
    public async Task<CurrentRuleSet> GetAsync(string name, CancellationToken cancellationToken)
    {
        var version = await db.RuleSetVersions.Where(r => r.Name == name).MaxAsync(r => (int?)r.Version, cancellationToken)
            ?? throw DomainException.NotFound("Rule set", name);
        return cache.Find(name, version) ?? await GetAsync(name, version, cancellationToken);
    }

    public async Task<CurrentRuleSet> GetAsync(string name, int version, CancellationToken cancellationToken)
        => cache.Get(await db.RuleSetVersions.AsNoTracking().FirstOrDefaultAsync(r => r.Name == name && r.Version == version, cancellationToken)
                     ?? throw DomainException.NotFound("Rule set version", $"{name} v{version}"));

    internal static Task<RuleSetVersion?> LatestAsync(RuleSuspensionDb db, string name, CancellationToken cancellationToken)
        => db.RuleSetVersions.AsNoTracking().Where(r => r.Name == name).OrderByDescending(r => r.Version).FirstOrDefaultAsync(cancellationToken);
}
