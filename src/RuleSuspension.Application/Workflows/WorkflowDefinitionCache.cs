using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Common;
using RuleSuspension.Persistence;
using RuleSuspension.Workflows.Definitions;
using RuleSuspension.Workflows.Validation;

namespace RuleSuspension.Application.Workflows;

/// <summary>
/// Parsed definitions by id and version. Published and retired versions never change, so each is read once per
/// process; finding the published ones costs one query over a handful of rows however many versions pile up.
/// </summary>
public sealed class WorkflowDefinitionCache
{
    private readonly ConcurrentDictionary<(string Id, int Version), WorkflowDefinition> _frozen = new();

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
        var published = await db.WorkflowVersions.AsNoTracking().Where(v => v.Status == WorkflowVersionStatus.Published)
            .Select(v => new { v.DefinitionId, v.Version }).ToListAsync(cancellationToken);
        var definitions = new List<WorkflowDefinition>(published.Count);
        foreach (var version in published.OrderBy(v => v.DefinitionId, StringComparer.Ordinal))
        {
            definitions.Add(await GetAsync(db, version.DefinitionId, version.Version, cancellationToken));
        }

        return definitions;
    }

    /// <summary>Reads a stored version's content; its id and version are the row's.</summary>
    public static WorkflowDefinition ParseStored(WorkflowVersion stored)
    {
        var errors = new List<WorkflowValidationError>();
        var definition = WorkflowJson.Parse(stored.Content, errors)
            ?? throw new InvalidOperationException($"Stored workflow {stored.DefinitionId} v{stored.Version} is not readable: {string.Join("; ", errors)}");
        return definition with { Id = stored.DefinitionId, Version = stored.Version };
    }
}
