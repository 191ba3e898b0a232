using System.Text.Json;
using Mediator;
using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Audit;
using RuleSuspension.Domain.Common;
using RuleSuspension.Domain.RuleSets;
using RuleSuspension.Persistence;
using RuleSuspension.Rules;

namespace RuleSuspension.Application.RuleSets;

/// <summary>Finance sets thresholds: a new version with the new values, audited with the old and new values.</summary>
public sealed record ChangeParameters(string Name, IReadOnlyDictionary<string, JsonElement> Values, Actor By) : ICommand<RuleSetVersion>;

public sealed class ChangeParametersHandler(RuleSuspensionDb db, TimeProvider clock, InputLimits limits) : ICommandHandler<ChangeParameters, RuleSetVersion>
{
    public async ValueTask<RuleSetVersion> Handle(ChangeParameters command, CancellationToken cancellationToken)
    {
        var latest = await RuleSetCatalog.LatestAsync(db, command.Name, cancellationToken) ?? throw DomainException.NotFound("Rule set", command.Name);
        var document = RuleSetDocument.Parse(latest.Document).Document!;
        if (command.Values.Count == 0)
        {
            throw new InvalidDocumentException("parameter values", [new DocumentError("$.values", null, null, "Give at least one parameter value.")]);
        }

        RuleSetDocuments.ValidateValues(document, command.Values, limits);

        using var previous = JsonDocument.Parse(latest.ParameterValues);
        var values = previous.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
        var changes = command.Values
            .Select(v => new ParameterChange(v.Key, values.TryGetValue(v.Key, out var old) ? old : DefaultOf(document, v.Key), v.Value))
            .Where(c => c.Old.ValueKind == JsonValueKind.Undefined || !JsonElement.DeepEquals(c.Old, c.New))
            .ToList();
        if (changes.Count == 0)
        {
            // The same values again are not a change: no version, no audit entry; the current version is the answer.
            return latest;
        }

        foreach (var (name, value) in command.Values)
        {
            values[name] = value.Clone();
        }

        var now = clock.GetUtcNow();
        var version = new RuleSetVersion(latest.Name, latest.Version + 1, latest.Document, JsonSerializer.Serialize(values), command.By.ToString(), RuleSetChanges.Parameters, now);
        db.RuleSetVersions.Add(version);
        db.AuditEntries.Add(new AuditEntry(now, command.By.ToString(), "ruleset.parameters-changed", null,
            JsonSerializer.Serialize(new { ruleSet = latest.Name, version = version.Version, changes }, JsonSerializerOptions.Web)));
        await db.SaveChangesAsync(cancellationToken);
        return version;
    }

    private static JsonElement DefaultOf(RuleSetDocument document, string name)
        => document.Parameters.First(p => p.Name == name).Default ?? default;

    private sealed record ParameterChange(string Name, JsonElement Old, JsonElement New);
}
