using System.Text.Json;
using Mediator;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Audit;
using RuleSuspension.Domain.Common;
using RuleSuspension.Domain.RuleSets;
using RuleSuspension.Persistence;

namespace RuleSuspension.Application.RuleSets;

/// <summary>Stores an edited rule set as its next version.</summary>
public sealed record SaveRuleSet(string Name, string Json, Actor By) : ICommand<RuleSetVersion>;

public sealed class SaveRuleSetHandler(RuleSuspensionDb db, TimeProvider clock) : ICommandHandler<SaveRuleSet, RuleSetVersion>
{
    public async ValueTask<RuleSetVersion> Handle(SaveRuleSet command, CancellationToken cancellationToken)
    {
        var (document, _) = RuleSetDocuments.ParseAndCompile(command.Json, command.Name);
        var latest = await RuleSetCatalog.LatestAsync(db, command.Name, cancellationToken);
        if (latest is not null && Rules.RuleSetDocument.Parse(latest.Document).Document?.Kind == Rules.RuleSetKinds.NRules)
        {
            throw DomainException.Conflict("rule-set-read-only", $"Rule set '{command.Name}' is code-defined: its rules are read-only here (change the C# and its assembly); its thresholds are set with PUT /api/rulesets/{command.Name}/parameters.");
        }

        var values = CarriedOverValues(document, latest);
        var version = new RuleSetVersion(command.Name, (latest?.Version ?? 0) + 1, document.ToJson(), values, command.By.ToString(), RuleSetChanges.Edited, clock.GetUtcNow());
        db.RuleSetVersions.Add(version);
        db.AuditEntries.Add(new AuditEntry(version.CreatedAt, command.By.ToString(), "ruleset.saved", null,
            JsonSerializer.Serialize(new { ruleSet = version.Name, version = version.Version, rules = document.Rules.Count })));
        await db.SaveChangesAsync(cancellationToken);
        return version;
    }

    /// <summary>Finance's values survive a rule edit where the parameter still exists and the value still fits it.</summary>
    internal static string CarriedOverValues(Rules.RuleSetDocument document, RuleSetVersion? latest)
    {
        if (latest is null)
        {
            return "{}";
        }

        using var previous = JsonDocument.Parse(latest.ParameterValues);
        var kept = previous.RootElement.EnumerateObject()
            .Where(p => document.Parameters.FirstOrDefault(d => d.Name == p.Name) is { } definition && definition.Validate(p.Value).Count == 0)
            .ToDictionary(p => p.Name, p => p.Value.Clone());
        return JsonSerializer.Serialize(kept);
    }
}

/// <summary>Why a version was made.</summary>
public static class RuleSetChanges
{
    public const string Loaded = "loaded";
    public const string Edited = "edited";
    public const string Parameters = "parameters";
}
