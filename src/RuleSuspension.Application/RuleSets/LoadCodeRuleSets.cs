using System.Text.Json;
using Microsoft.Extensions.Logging;
using RuleSuspension.Domain.Audit;
using RuleSuspension.Domain.RuleSets;
using RuleSuspension.Persistence;
using RuleSuspension.Rules;
using RuleSuspension.Rules.NRules;

namespace RuleSuspension.Application.RuleSets;

/// <summary>
/// Enters the code-defined rule sets loaded from <c>Rules:Assemblies</c> in the catalogue at start: a set becomes a
/// new version when its catalogue entry differs from the latest stored one (a rebuilt assembly with other content, or
/// changed rules or parameters), with finance's values carried over where they still fit. A code-defined set cannot
/// take the name of a data-defined one.
/// </summary>
public sealed class LoadCodeRuleSets(RuleSuspensionDb db, CodeRuleSetLibrary library, TimeProvider clock, ILogger<LoadCodeRuleSets> logger)
{
    public async Task<int> LoadAsync(CancellationToken cancellationToken)
    {
        var loaded = 0;
        foreach (var ruleSet in library.RuleSets.OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            var json = ruleSet.Document.ToJson();
            var latest = await RuleSetCatalog.LatestAsync(db, ruleSet.Name, cancellationToken);
            if (latest?.Document == json)
            {
                continue;
            }

            if (latest is not null && RuleSetDocument.Parse(latest.Document).Document?.Kind != RuleSetKinds.NRules)
            {
                throw new InvalidOperationException($"The code-defined rule set '{ruleSet.Name}' ({ruleSet.Document.Source}) has the name of a data-defined rule set; rename one of them.");
            }

            var now = clock.GetUtcNow();
            var version = new RuleSetVersion(ruleSet.Name, (latest?.Version ?? 0) + 1, json, SaveRuleSetHandler.CarriedOverValues(ruleSet.Document, latest), "system:assembly", RuleSetChanges.Loaded, now);
            db.RuleSetVersions.Add(version);
            db.AuditEntries.Add(new AuditEntry(now, "system:assembly", "ruleset.loaded", null, JsonSerializer.Serialize(new { ruleSet = version.Name, version = version.Version, source = ruleSet.Document.Source })));
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Loaded code-defined rule set {RuleSet} v{Version} from {Source}", version.Name, version.Version, ruleSet.Document.Source);
            loaded++;
        }

        return loaded;
    }
}
