using System.Text.Json;
using Mediator;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Common;
using RuleSuspension.Domain.RuleSets;
using RuleSuspension.Persistence;

namespace RuleSuspension.Application.RuleSets;

/// <summary>The newest version of every rule set, by name.</summary>
public sealed record ListRuleSets : IQuery<IReadOnlyList<RuleSetVersion>>;

/// <summary>One rule set at a version (default: its newest); not found is a 404.</summary>
public sealed record GetRuleSet(string Name, int? Version) : IQuery<RuleSetVersion>;

/// <summary>Every version of a rule set, newest first; an unknown rule set is a 404.</summary>
public sealed record ListRuleSetVersions(string Name) : IQuery<IReadOnlyList<RuleSetVersion>>;

/// <summary>Who changed a rule set's parameters, when, to which version and what changed; newest first.</summary>
public sealed record ListParameterChanges(string Name) : IQuery<IReadOnlyList<ParameterChange>>;

public sealed record ParameterChange(DateTimeOffset At, string By, int Version, JsonElement Changes);

public sealed class ListRuleSetsHandler(RuleSuspensionDb db) : IQueryHandler<ListRuleSets, IReadOnlyList<RuleSetVersion>>
{
    public async ValueTask<IReadOnlyList<RuleSetVersion>> Handle(ListRuleSets query, CancellationToken cancellationToken)
    {
        var versions = await db.RuleSetVersions.AsNoTracking().ToListAsync(cancellationToken);
        return versions.GroupBy(v => v.Name).Select(g => g.MaxBy(v => v.Version)!).OrderBy(v => v.Name).ToList();
    }
}

public sealed class GetRuleSetHandler(RuleSuspensionDb db) : IQueryHandler<GetRuleSet, RuleSetVersion>
{
    public async ValueTask<RuleSetVersion> Handle(GetRuleSet query, CancellationToken cancellationToken)
    {
        var versions = db.RuleSetVersions.AsNoTracking().Where(v => v.Name == query.Name);
        var chosen = query.Version is { } version ? versions.Where(r => r.Version == version) : versions.OrderByDescending(r => r.Version);
        return await chosen.FirstOrDefaultAsync(cancellationToken)
            ?? throw DomainException.NotFound("Rule set", query.Version is null ? query.Name : $"{query.Name} v{query.Version}");
    }
}

public sealed class ListRuleSetVersionsHandler(RuleSuspensionDb db) : IQueryHandler<ListRuleSetVersions, IReadOnlyList<RuleSetVersion>>
{
    public async ValueTask<IReadOnlyList<RuleSetVersion>> Handle(ListRuleSetVersions query, CancellationToken cancellationToken)
    {
        var versions = await db.RuleSetVersions.AsNoTracking().Where(v => v.Name == query.Name).OrderByDescending(v => v.Version).ToListAsync(cancellationToken);
        return versions.Count == 0 ? throw DomainException.NotFound("Rule set", query.Name) : versions;
    }
}

public sealed class ListParameterChangesHandler(RuleSuspensionDb db) : IQueryHandler<ListParameterChanges, IReadOnlyList<ParameterChange>>
{
    public async ValueTask<IReadOnlyList<ParameterChange>> Handle(ListParameterChanges query, CancellationToken cancellationToken)
    {
        // The rule set is named inside the entry's details (JSON), so the filter runs here rather than in the database.
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.Action == "ruleset.parameters-changed").OrderByDescending(a => a.Id).ToListAsync(cancellationToken);
        return entries
            .Select(a => (Entry: a, Details: JsonDocument.Parse(a.Details).RootElement))
            .Where(e => e.Details.GetProperty("ruleSet").GetString() == query.Name)
            .Select(e => new ParameterChange(e.Entry.At, e.Entry.Actor, e.Details.GetProperty("version").GetInt32(), e.Details.GetProperty("changes").Clone()))
            .ToList();
    }
}
