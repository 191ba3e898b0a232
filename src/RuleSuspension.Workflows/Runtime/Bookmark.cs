namespace RuleSuspension.Workflows.Runtime;

/// <summary>What a blocked instance waits for. Stored with the instance; a matching signal resumes it.</summary>
public sealed record Bookmark(
    string ActivityId,
    BookmarkKind Kind,
    DateTimeOffset CreatedAt,
    string? EventType = null,
    Guid? TaskId = null,
    Guid? TimerId = null,
    DateTimeOffset? DueAt = null);

public enum BookmarkKind
{
    /// <summary>A human task's completion.</summary>
    Task,

    /// <summary>An event of the instance's customer.</summary>
    Event,

    /// <summary>A due timer (Delay, or a WaitForEvent timeout).</summary>
    Timer,
}
