using System.Text.Json;

namespace RuleSuspension.Application.Events;

/// <summary>An event as the host platform posts it to <c>POST /api/events</c>.</summary>
public sealed record EventEnvelope(string? Id, string? Type, DateTimeOffset? OccurredAt, string? CustomerId, JsonElement Data);
