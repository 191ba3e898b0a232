using System.Text.Json.Nodes;

namespace RuleSuspension.Workflows.Runtime;

/// <summary>How a step ended: with an outcome, or blocked on bookmarks. The summary goes to the journal.</summary>
internal sealed record ActivityResult(string? Outcome, IReadOnlyList<Bookmark> Bookmarks, JsonObject Summary, bool EndsInstance = false)
{
    public static ActivityResult Done(string outcome, JsonObject? summary = null) => new(outcome, [], summary ?? []);

    public static ActivityResult Wait(IReadOnlyList<Bookmark> bookmarks, JsonObject? summary = null) => new(null, bookmarks, summary ?? []);

    /// <summary>End activity: the instance completes.</summary>
    public static ActivityResult Finish(JsonObject? summary = null) => new("Done", [], summary ?? [], EndsInstance: true);

    public bool Blocks => Bookmarks.Count > 0;
}
