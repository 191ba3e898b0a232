using System.Text.Json;

namespace RuleSuspension.Rules.Facts;

/// <summary>The event that triggered the check (<c>event</c>; null for scheduled checks).</summary>
public sealed record EventFact
{
    /// <summary>Event id (<c>event.id</c>).</summary>
    public required string Id { get; init; }
    /// <summary>Event type such as <c>customer.plan-changed</c> (<c>event.type</c>).</summary>
    public required string Type { get; init; }
    /// <summary>When the event happened (<c>event.occurredAt</c>).</summary>
    public DateTimeOffset OccurredAt { get; init; }
    /// <summary>The event's data as sent, extra fields included (<c>event.data</c>, type json).</summary>
    public JsonElement Data { get; init; }
}
