using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Audit;
using RuleSuspension.Domain.Common;
using RuleSuspension.Domain.Suspensions;
using RuleSuspension.Persistence;
using RuleSuspension.Workflows.Definitions;
using RuleSuspension.Workflows.Validation;

namespace RuleSuspension.Application.Workflows;

/// <summary>A workflow in the list: its newest version and its published one.</summary>
public sealed record WorkflowSummary(string Id, string Name, string? Description, int LatestVersion, int? PublishedVersion, WorkflowVersionStatus Status);

/// <summary>The answer to saving a draft or publishing: the stored version, or the errors that stopped it.</summary>
public sealed record WorkflowSaveResult(WorkflowVersion? Version, IReadOnlyList<WorkflowValidationError> Errors);

/// <summary>
/// Definitions as people edit them: drafts saved as they are (valid or not, the answer says which), published only
/// when valid. Publishing freezes the draft and retires the previous published version; its running instances carry on.
/// </summary>
public sealed class WorkflowDefinitions(RuleSuspensionDb db, SuspensionPolicy policy, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<WorkflowValidationResult> ValidateAsync(JsonElement json, CancellationToken cancellationToken)
        => WorkflowValidator.Validate(json, await OptionsAsync(cancellationToken));

    public async Task<IReadOnlyList<WorkflowSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var versions = await db.WorkflowVersions.AsNoTracking()
            .Select(v => new { v.DefinitionId, v.Version, v.Name, v.Description, v.Status }).ToListAsync(cancellationToken);
        return versions.GroupBy(v => v.DefinitionId).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var latest = g.MaxBy(v => v.Version)!;
            var published = g.FirstOrDefault(v => v.Status == WorkflowVersionStatus.Published);
            return new WorkflowSummary(g.Key, latest.Name, latest.Description, latest.Version, published?.Version, latest.Status);
        }).ToList();
    }

    /// <summary>One version (default: the newest).</summary>
    public async Task<WorkflowVersion> GetAsync(string id, int? version, CancellationToken cancellationToken)
    {
        var query = db.WorkflowVersions.AsNoTracking().Where(v => v.DefinitionId == id);
        var stored = version is { } wanted
            ? await query.FirstOrDefaultAsync(v => v.Version == wanted, cancellationToken)
            : await query.OrderByDescending(v => v.Version).FirstOrDefaultAsync(cancellationToken);
        return stored ?? throw DomainException.NotFound("Workflow", version is null ? id : $"{id} v{version}");
    }

    public async Task<IReadOnlyList<WorkflowVersion>> VersionsAsync(string id, CancellationToken cancellationToken)
    {
        var versions = await db.WorkflowVersions.AsNoTracking().Where(v => v.DefinitionId == id).OrderByDescending(v => v.Version).ToListAsync(cancellationToken);
        return versions.Count > 0 ? versions : throw DomainException.NotFound("Workflow", id);
    }

    /// <summary>
    /// Saves the definition as the workflow's draft: replaces the open draft, or opens one as the next version. A
    /// definition too broken to read is not saved; one with other errors is, and the answer lists them.
    /// </summary>
    public async Task<WorkflowSaveResult> SaveDraftAsync(string id, JsonElement json, Actor by, CancellationToken cancellationToken)
    {
        var result = WorkflowValidator.Validate(json, await OptionsAsync(cancellationToken));
        if (result.Definition is not { } definition)
        {
            return new WorkflowSaveResult(null, result.Errors);
        }

        if (definition.Id.Length > 0 && definition.Id != id)
        {
            return new WorkflowSaveResult(null, [new WorkflowValidationError("$.id", $"The definition's id '{definition.Id}' is not the workflow '{id}' of the URL.")]);
        }

        var errors = result.Errors;
        if (errors.Any(e => e.Path == "$.id"))
        {
            return new WorkflowSaveResult(null, errors);
        }

        var now = clock.GetUtcNow();
        var versions = await db.WorkflowVersions.Where(v => v.DefinitionId == id).ToListAsync(cancellationToken);
        var draft = versions.FirstOrDefault(v => v.Status == WorkflowVersionStatus.Draft);
        var number = draft?.Version ?? (versions.Count == 0 ? 1 : versions.Max(v => v.Version) + 1);
        definition = definition with { Id = id, Version = number };
        var content = WorkflowJson.Write(definition);
        if (draft is null)
        {
            draft = new WorkflowVersion(definition, content, WorkflowJson.ContentHash(definition), WorkflowVersionStatus.Draft, WorkflowVersion.FromApi, by.ToString(), now);
            db.WorkflowVersions.Add(draft);
        }
        else
        {
            draft.ReplaceDraft(definition, content, WorkflowJson.ContentHash(definition), by.ToString(), now);
        }

        Audit(by, "workflow.draft-saved", id, number, now, new { valid = errors.Count == 0, errors = errors.Count });
        await SaveAsync(cancellationToken);
        return new WorkflowSaveResult(draft, errors);
    }

    /// <summary>Publishes the draft when it is valid.</summary>
    public async Task<WorkflowSaveResult> PublishAsync(string id, Actor by, CancellationToken cancellationToken)
    {
        var versions = await db.WorkflowVersions.Where(v => v.DefinitionId == id).ToListAsync(cancellationToken);
        if (versions.Count == 0)
        {
            throw DomainException.NotFound("Workflow", id);
        }

        var draft = versions.FirstOrDefault(v => v.Status == WorkflowVersionStatus.Draft)
            ?? throw DomainException.Conflict("no-draft", $"Workflow '{id}' has no draft to publish; save one with PUT /api/workflows/{id} first.");
        // The draft is checked exactly as PUT checked it, from its JSON: a draft saved before a limit existed (a
        // condition too long or too deep) is refused here with the same errors.
        using var content = JsonDocument.Parse(draft.Content);
        var errors = WorkflowValidator.Validate(content.RootElement, await OptionsAsync(cancellationToken)).Errors;
        if (errors.Count > 0)
        {
            return new WorkflowSaveResult(draft, errors);
        }

        var now = clock.GetUtcNow();
        foreach (var published in versions.Where(v => v.Status == WorkflowVersionStatus.Published))
        {
            published.Retire(now);
        }

        draft.Publish(now);
        Audit(by, "workflow.published", id, draft.Version, now, new { retired = versions.Where(v => v.Status == WorkflowVersionStatus.Retired && v.UpdatedAt == now).Select(v => v.Version) });
        await SaveAsync(cancellationToken);
        return new WorkflowSaveResult(draft, []);
    }

    private async Task<WorkflowValidationOptions> OptionsAsync(CancellationToken cancellationToken)
    {
        var ruleSets = (await db.RuleSetVersions.AsNoTracking().Select(r => r.Name).Distinct().ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return new WorkflowValidationOptions { Policy = policy, RuleSetExists = ruleSets.Contains };
    }

    private void Audit(Actor by, string action, string id, int version, DateTimeOffset at, object details)
        => db.AuditEntries.Add(new AuditEntry(at, by.ToString(), action, null, JsonSerializer.Serialize(new { workflowId = id, version, details }, Json)));

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            throw DomainException.Conflict("concurrent-change", "Someone saved this workflow at the same time; read it again and retry.");
        }
    }
}
