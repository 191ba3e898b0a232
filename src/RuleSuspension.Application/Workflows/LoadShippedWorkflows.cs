using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RuleSuspension.Domain.Audit;
using RuleSuspension.Domain.Suspensions;
using RuleSuspension.Persistence;
using RuleSuspension.Workflows.Definitions;
using RuleSuspension.Workflows.Validation;

namespace RuleSuspension.Application.Workflows;

/// <summary>
/// Loads the shipped workflows (<c>*.json</c> in the workflows directory) at start. A file becomes a new published
/// version when no stored version of that workflow has the same content (compared by hash, version number aside) and
/// the newest stored version also came from a file. Once someone saves a version through the API, files no longer
/// change that workflow: an upgrade never overwrites people's work (the log says so). Invalid files are skipped.
/// </summary>
public sealed class LoadShippedWorkflows(RuleSuspensionDb db, SuspensionPolicy policy, TimeProvider clock, ILogger<LoadShippedWorkflows> logger)
{
    public async Task<int> LoadAsync(string directory, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(directory))
        {
            logger.LogWarning("No workflows directory at {Directory}; no workflow loaded", directory);
            return 0;
        }

        var loaded = 0;
        foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                if (await LoadFileAsync(file, cancellationToken))
                {
                    loaded++;
                }
            }
            catch (DbUpdateException)
            {
                // Another node imported the same file at the same moment: its version stands.
                db.ChangeTracker.Clear();
            }
        }

        return loaded;
    }

    private async Task<bool> LoadFileAsync(string file, CancellationToken cancellationToken)
    {
        var errors = new List<WorkflowValidationError>();
        var definition = WorkflowJson.Parse(await File.ReadAllTextAsync(file, cancellationToken), errors);
        if (definition is not null)
        {
            errors.AddRange(WorkflowValidator.Validate(definition, new WorkflowValidationOptions { Policy = policy }));
        }

        if (definition is null || errors.Count > 0)
        {
            logger.LogError("Shipped workflow {File} is not valid and was not loaded: {Errors}", Path.GetFileName(file), string.Join("; ", errors));
            return false;
        }

        var hash = WorkflowJson.ContentHash(definition);
        var versions = await db.WorkflowVersions.Where(v => v.DefinitionId == definition.Id).ToListAsync(cancellationToken);
        if (versions.Any(v => v.ContentHash == hash))
        {
            return false;
        }

        var latest = versions.MaxBy(v => v.Version);
        if (latest is not null && latest.Source != WorkflowVersion.FromFile)
        {
            logger.LogWarning("Workflow {Workflow} was changed through the API (v{Version}); the shipped file {File} differs and was not loaded over it",
                definition.Id, latest.Version, Path.GetFileName(file));
            return false;
        }

        var now = clock.GetUtcNow();
        foreach (var published in versions.Where(v => v.Status == WorkflowVersionStatus.Published))
        {
            published.Retire(now);
        }

        definition = definition with { Version = (latest?.Version ?? 0) + 1 };
        db.WorkflowVersions.Add(new WorkflowVersion(definition, WorkflowJson.Write(definition), hash, WorkflowVersionStatus.Published, WorkflowVersion.FromFile, "workflows/" + Path.GetFileName(file), now));
        db.AuditEntries.Add(new AuditEntry(now, "system:workflow-loader", "workflow.published", null,
            System.Text.Json.JsonSerializer.Serialize(new { workflowId = definition.Id, version = definition.Version, file = Path.GetFileName(file) })));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Loaded workflow {Workflow} v{Version} from {File}", definition.Id, definition.Version, Path.GetFileName(file));
        return true;
    }
}
