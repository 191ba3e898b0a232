namespace RuleSuspension.Workflows.Definitions;

/// <summary>
/// One stored version of a definition. A draft may be edited in place; publishing freezes it and retires the
/// previously published version (whose running instances carry on with it).
/// </summary>
public sealed class WorkflowVersion
{
    /// <summary>The source of versions imported from the workflows directory.</summary>
    public const string FromFile = "file";

    /// <summary>The source of versions saved through the API.</summary>
    public const string FromApi = "api";

    private WorkflowVersion()
    {
        DefinitionId = Name = Content = ContentHash = Source = CreatedBy = null!;
    }

    public WorkflowVersion(WorkflowDefinition definition, string content, string contentHash, WorkflowVersionStatus status, string source, string createdBy, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        DefinitionId = definition.Id;
        Version = definition.Version;
        Name = definition.Name;
        Description = definition.Description;
        Content = content;
        ContentHash = contentHash;
        Status = status;
        Source = source;
        CreatedBy = createdBy;
        CreatedAt = UpdatedAt = at.ToUniversalTime();
        PublishedAt = status == WorkflowVersionStatus.Published ? CreatedAt : null;
    }

    public Guid Id { get; private set; }

    public string DefinitionId { get; private set; }

    public int Version { get; private set; }

    public string Name { get; private set; }

    public string? Description { get; private set; }

    public WorkflowVersionStatus Status { get; private set; }

    /// <summary>The definition JSON with this version number.</summary>
    public string Content { get; private set; }

    /// <summary>See <see cref="WorkflowJson.ContentHash"/>.</summary>
    public string ContentHash { get; private set; }

    /// <summary><see cref="FromFile"/> or <see cref="FromApi"/>.</summary>
    public string Source { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>Replaces a draft's content.</summary>
    public void ReplaceDraft(WorkflowDefinition definition, string content, string contentHash, string by, DateTimeOffset at)
    {
        if (Status != WorkflowVersionStatus.Draft)
        {
            throw new InvalidOperationException("Only a draft can be edited.");
        }

        Name = definition.Name;
        Description = definition.Description;
        Content = content;
        ContentHash = contentHash;
        CreatedBy = by;
        UpdatedAt = at.ToUniversalTime();
    }

    public void Publish(DateTimeOffset at)
    {
        Status = WorkflowVersionStatus.Published;
        PublishedAt = at.ToUniversalTime();
        UpdatedAt = PublishedAt.Value;
    }

    public void Retire(DateTimeOffset at)
    {
        Status = WorkflowVersionStatus.Retired;
        UpdatedAt = at.ToUniversalTime();
    }
}

public enum WorkflowVersionStatus
{
    Draft,
    Published,
    Retired,
}
