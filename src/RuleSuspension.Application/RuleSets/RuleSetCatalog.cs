using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Common;
using RuleSuspension.Domain.RuleSets;
using RuleSuspension.Persistence;

namespace RuleSuspension.Application.RuleSets;

/// <summary>Finds the current (latest) version of a rule set, compiled.</summary>
public sealed class RuleSetCatalog(RuleSuspensionDb db, CompiledRuleSetCache cache)
{
    /// <remarks>
    /// Which version is the latest is remembered with the catalogue's stamp and asked again only when the stamp moved;
    /// the document is read only when that version is not compiled yet.
    /// </remarks>
    public async Task<CurrentRuleSet> GetAsync(string name, CancellationToken cancellationToken)
    {
        var stamp = await db.CatalogueStampAsync(cancellationToken);
        if (cache.Latest(name, stamp) is { } latest)
        {
            return latest;
        }

        var version = await db.RuleSetVersions.Where(r => r.Name == name).MaxAsync(r => (int?)r.Version, cancellationToken)
            ?? throw DomainException.NotFound("Rule set", name);
        var current = cache.Find(name, version) ?? await GetAsync(name, version, cancellationToken);
        cache.RememberLatest(current, stamp);
        return current;
    }

    public async Task<CurrentRuleSet> GetAsync(string name, int version, CancellationToken cancellationToken)
        => cache.Get(await db.RuleSetVersions.AsNoTracking().FirstOrDefaultAsync(r => r.Name == name && r.Version == version, cancellationToken)
                     ?? throw DomainException.NotFound("Rule set version", $"{name} v{version}"));

    internal static Task<RuleSetVersion?> LatestAsync(RuleSuspensionDb db, string name, CancellationToken cancellationToken)
        => db.RuleSetVersions.AsNoTracking().Where(r => r.Name == name).OrderByDescending(r => r.Version).FirstOrDefaultAsync(cancellationToken);
}
