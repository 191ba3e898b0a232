using System.Text.Json;
using System.Text.Json.Nodes;
using RuleSuspension.Application.Workflows;
using RuleSuspension.Domain.Tasks;
using RuleSuspension.Workflows.Catalog;
using RuleSuspension.Workflows.Definitions;
using RuleSuspension.Workflows.Runtime;
using RuleSuspension.Workflows.Validation;

namespace RuleSuspension.Server.Contracts;

public sealed record WorkflowSummaryResponse(string Id, string Name, string? Description, int LatestVersion, int? PublishedVersion, string Status)
{
    public static WorkflowSummaryResponse From(WorkflowSummary s) => new(s.Id, s.Name, s.Description, s.LatestVersion, s.PublishedVersion, WorkflowWire.Of(s.Status));
}

public sealed record WorkflowVersionResponse(int Version, string Status, string Source, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt, string ContentHash)
{
    public static WorkflowVersionResponse From(WorkflowVersion v) => new(v.Version, WorkflowWire.Of(v.Status), v.Source, v.CreatedBy, v.CreatedAt, v.UpdatedAt, v.PublishedAt, v.ContentHash);
}

public sealed record ValidationErrorResponse(string Path, string? ActivityId, string? Connection, string Message, int? Line, int? Column)
{
    public static ValidationErrorResponse From(WorkflowValidationError e) => new(e.Path, e.ActivityId, e.Connection, e.Message, e.Line, e.Column);
}

public sealed record WorkflowValidationResponse(bool Valid, IReadOnlyList<ValidationErrorResponse> Errors)
{
    public static WorkflowValidationResponse From(IReadOnlyList<WorkflowValidationError> errors) => new(errors.Count == 0, errors.Select(ValidationErrorResponse.From).ToList());
}

public sealed record ActivityTypeResponse(string Type, string DisplayName, string Category, string Description, IReadOnlyList<ActivityPropertyResponse> Properties, IReadOnlyList<string> Outcomes, IReadOnlyList<string> RequiredOutcomes, bool Blocking)
{
    public static ActivityTypeResponse From(ActivityDescriptor d) => new(d.Type, d.DisplayName, d.Category, d.Description,
        d.Properties.Select(p => new ActivityPropertyResponse(p.Name, p.Type, p.Required, p.Default, p.Description, p.Options)).ToList(), d.Outcomes, d.RequiredOutcomes, d.Blocking);
}

public sealed record ActivityPropertyResponse(string Name, string Type, bool Required, JsonElement? Default, string Description, IReadOnlyList<string>? Options);

public sealed record JournalEntryResponse(int Sequence, string ActivityId, string ActivityType, string? Outcome, DateTimeOffset At, JsonElement Summary)
{
    public static JournalEntryResponse From(WorkflowJournalEntry e) => new(e.Sequence, e.ActivityId, e.ActivityType, e.Outcome, e.At, JsonDocument.Parse(e.Summary).RootElement.Clone());
}

public sealed record BookmarkResponse(string ActivityId, string Kind, string? EventType, Guid? TaskId, DateTimeOffset? DueAt)
{
    public static BookmarkResponse From(Bookmark b) => new(b.ActivityId, b.Kind.ToString().ToLowerInvariant(), b.EventType, b.TaskId, b.DueAt);
}

public sealed record WorkflowInstanceResponse(
    Guid Id,
    string DefinitionId,
    int DefinitionVersion,
    string CustomerId,
    string Status,
    string? CurrentActivityId,
    IReadOnlyDictionary<string, JsonElement> Variables,
    IReadOnlyList<BookmarkResponse> Bookmarks,
    StoredDecision? Decision,
    Guid? SuspensionId,
    string? EventId,
    string? Fault,
    IReadOnlyList<JournalEntryResponse> Journal,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? CompletedAt,
    IncidentResponse? Incident)
{
    public static WorkflowInstanceResponse From(WorkflowInstance i, IEnumerable<WorkflowJournalEntry> journal, string? customerName = null)
    {
        var entries = journal.OrderBy(e => e.Sequence).ToList();
        return new(
            i.Id, i.DefinitionId, i.DefinitionVersion, i.CustomerId, i.Status.ToString().ToLowerInvariant(), i.CurrentActivityId, i.Variables,
            i.Bookmarks.Select(BookmarkResponse.From).ToList(), i.Decision, i.SuspensionId, i.EventId, i.Fault,
            entries.Select(JournalEntryResponse.From).ToList(), i.CreatedAt, i.UpdatedAt, i.CompletedAt,
            i.Status == WorkflowStatus.Faulted ? IncidentResponse.From(i, entries, customerName) : null);
    }
}

/// <summary>What failed in a faulted instance: the step, the error, when, and whose it is.</summary>
public sealed record IncidentResponse(string? ActivityId, string? ActivityType, string? Error, DateTimeOffset At, string CustomerId, string? CustomerName)
{
    public static IncidentResponse From(WorkflowInstance i, IReadOnlyList<WorkflowJournalEntry> journal, string? customerName)
    {
        var faulted = journal.LastOrDefault(e => e.Outcome == "Faulted");
        var error = faulted is null ? null : JsonDocument.Parse(faulted.Summary).RootElement.TryGetProperty("error", out var e) ? e.GetString() : null;
        return new(i.CurrentActivityId, faulted?.ActivityType, error ?? i.Fault, faulted?.At ?? i.UpdatedAt, i.CustomerId, customerName);
    }
}

/// <summary>The body of a retry or a cancel: a person's reason.</summary>
public sealed record IncidentActionRequest(string? Reason);

public sealed record TaskResponse(
    Guid Id,
    string CustomerId,
    string Kind,
    string Title,
    string Role,
    IReadOnlyList<string> Outcomes,
    string Status,
    Guid? WorkflowInstanceId,
    string? ActivityId,
    Guid? SuspensionId,
    string? ReasonCode,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    string? CompletedBy,
    string? Outcome,
    string? Reason)
{
    public static TaskResponse From(HumanTask t) => new(
        t.Id, t.CustomerId, t.Kind, t.Title, t.Role.ToString(), t.Outcomes, t.Status.ToString().ToLowerInvariant(), t.WorkflowInstanceId, t.ActivityId,
        t.SuspensionId, t.ReasonCode, t.CreatedAt, t.CompletedAt, t.CompletedByRole is { } role ? $"{t.CompletedBy} ({role})" : t.CompletedBy, t.Outcome, t.Reason);
}

public sealed record CompleteTaskRequest(string? Outcome, string? Reason);

internal static class WorkflowWire
{
    public static string Of(WorkflowVersionStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>A stored version as served: the definition with its status.</summary>
    public static JsonObject Definition(WorkflowVersion stored)
    {
        var node = WorkflowJson.ToNode(WorkflowDefinitionCache.ParseStored(stored));
        node["status"] = Of(stored.Status);
        node["createdAt"] = stored.CreatedAt;
        node["publishedAt"] = stored.PublishedAt;
        return node;
    }
}
