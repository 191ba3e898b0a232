using System.Text.Json;
using Microsoft.Extensions.Logging;
using RuleSuspension.Domain.Audit;
using RuleSuspension.Domain.RuleSets;
using RuleSuspension.Persistence;

namespace RuleSuspension.Application.RuleSets;

/// <summary>
/// Loads the shipped rule sets (<c>rulesets/*.json</c> under the workflows directory) at start. A file becomes a new
/// version when its content differs from the latest stored version and that version also came from a file: an
/// upgrade ships new rules, but a rule set that someone edited through the API is never overwritten by a file
/// (the log says so). Finance's parameter values are carried over either way.
/// </summary>
public sealed class LoadShippedRuleSets(RuleSuspensionDb db, ShippedRuleSetFiles files, TimeProvider clock, ILogger<LoadShippedRuleSets> logger)
{
    public async Task<int> LoadAsync(string directory, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(directory))
        {
            logger.LogWarning("No rule sets directory at {Directory}; nothing loaded", directory);
            return 0;
        }

        var loaded = 0;
        foreach (var file in await files.ReadAsync(directory))
        {
            if (await LoadFileAsync(file, cancellationToken))
            {
                loaded++;
            }
        }

        return loaded;
    }

    private async Task<bool> LoadFileAsync(ShippedRuleSetFile file, CancellationToken cancellationToken)
    {
        if (file is not { Document: { } document, Json: { } json })
        {
            logger.LogError("Shipped rule set {File} is not valid and was not loaded: {Errors}", file.FileName, file.Errors);
            return false;
        }

        var latest = await RuleSetCatalog.LatestAsync(db, document.Name, cancellationToken);
        if (latest?.Document == json)
        {
            return false;
        }

        if (latest is not null && latest.Change != RuleSetChanges.Loaded)
        {
            logger.LogWarning("Rule set {RuleSet} was changed through the API (v{Version}); the shipped file {File} differs and was not loaded over it", document.Name, latest.Version, file.FileName);
            return false;
        }

        var now = clock.GetUtcNow();
        var version = new RuleSetVersion(document.Name, (latest?.Version ?? 0) + 1, json, SaveRuleSetHandler.CarriedOverValues(document, latest), "system:shipped", RuleSetChanges.Loaded, now);
        db.RuleSetVersions.Add(version);
        db.AuditEntries.Add(new AuditEntry(now, "system:shipped", "ruleset.loaded", null, JsonSerializer.Serialize(new { ruleSet = version.Name, version = version.Version, file = file.FileName })));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Loaded rule set {RuleSet} v{Version} from {File}", version.Name, version.Version, file.FileName);
        return true;
    }
}
