using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Common;
using RuleSuspension.Persistence;
using RuleSuspension.Workflows.Definitions;
using RuleSuspension.Workflows.Validation;

namespace RuleSuspension.Application.Workflows;

/// <summary>
/// Parsed definitions by id and version. Published and retired versions never change, so each is read once per
/// process. Which versions are published is kept with the catalogue's stamp it was read at, and read again when
/// the stamp moves (a version published or retired, here or on another node).
/// </summary>
public sealed class WorkflowDefinitionCache
{
    private readonly ConcurrentDictionary<(string Id, int Version), WorkflowDefinition> _frozen = new();
    private volatile PublishedSet? _published;
    private volatile WaitedForSet? _waitedFor;

    // The activity type as stored definitions name it (part of the workflow document's format).
    private const string WaitForEventType = "WaitForEvent";

    /// <summary>The definition an instance runs on.</summary>
    public async Task<WorkflowDefinition> GetAsync(RuleSuspensionDb db, string id, int version, CancellationToken cancellationToken)
    {
        if (_frozen.TryGetValue((id, version), out var cached))
        {
            return cached;
        }

        var stored = await db.WorkflowVersions.AsNoTracking().FirstOrDefaultAsync(v => v.DefinitionId == id && v.Version == version, cancellationToken)
            ?? throw DomainException.NotFound("Workflow version", $"{id} v{version}");
        var definition = ParseStored(stored);
        if (stored.Status != WorkflowVersionStatus.Draft)
        {
            _frozen.TryAdd((id, version), definition);
        }

        return definition;
    }

    /// <summary>The published version of every workflow.</summary>
    public async Task<IReadOnlyList<WorkflowDefinition>> PublishedAsync(RuleSuspensionDb db, CancellationToken cancellationToken)
    {
        var stamp = await db.CatalogueStampAsync(cancellationToken);
        if (_published is { } cached && cached.Stamp == stamp)
        {
            return cached.Definitions;
        }

        var published = await db.WorkflowVersions.AsNoTracking().Where(v => v.Status == WorkflowVersionStatus.Published)
            .Select(v => new { v.DefinitionId, v.Version }).ToListAsync(cancellationToken);
        var definitions = new List<WorkflowDefinition>(published.Count);
        foreach (var version in published.OrderBy(v => v.DefinitionId, StringComparer.Ordinal))
        {
            definitions.Add(await GetAsync(db, version.DefinitionId, version.Version, cancellationToken));
        }

        _published = new PublishedSet(stamp, definitions);
        return definitions;
    }

    /// <summary>
    /// The event types an instance can wait for: the <c>eventType</c> of every <c>WaitForEvent</c> in the versions
    /// instances run on (published and retired). An event of another type resumes nothing, so it needs no look-up of
    /// the customer's waiting instances. Kept with the catalogue's stamp, like the published set.
    /// </summary>
    public async Task<IReadOnlySet<string>> EventTypesWaitedForAsync(RuleSuspensionDb db, CancellationToken cancellationToken)
    {
        var stamp = await db.CatalogueStampAsync(cancellationToken);
        if (_waitedFor is { } cached && cached.Stamp == stamp)
        {
            return cached.EventTypes;
        }

        var versions = await db.WorkflowVersions.AsNoTracking().Where(v => v.Status != WorkflowVersionStatus.Draft)
            .Select(v => new { v.DefinitionId, v.Version }).ToListAsync(cancellationToken);
        var eventTypes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var version in versions)
        {
            var definition = await GetAsync(db, version.DefinitionId, version.Version, cancellationToken);
            eventTypes.UnionWith(definition.Activities
                .Where(a => a.Type == WaitForEventType)
                .Select(a => a.Text("eventType"))
                .OfType<string>());
        }

        _waitedFor = new WaitedForSet(stamp, eventTypes);
        return eventTypes;
    }

    /// <summary>Reads a stored version's content; its id and version are the row's.</summary>
    public static WorkflowDefinition ParseStored(WorkflowVersion stored)
    {
        var errors = new List<WorkflowValidationError>();
        var definition = WorkflowJson.Parse(stored.Content, errors)
            ?? throw new InvalidOperationException($"Stored workflow {stored.DefinitionId} v{stored.Version} is not readable: {string.Join("; ", errors)}");
        return definition with { Id = stored.DefinitionId, Version = stored.Version };
    }

    private sealed record PublishedSet(long Stamp, IReadOnlyList<WorkflowDefinition> Definitions);

    private sealed record WaitedForSet(long Stamp, IReadOnlySet<string> EventTypes);
}
