using System.Text.Json;
using RuleSuspension.Domain.Events;

namespace RuleSuspension.Application.Events;

/// <summary>What differs between the event stored under an id and another body sent with the same id.</summary>
public static class EventComparison
{
    public static IReadOnlyList<string> Differences(InboundEvent stored, InboundEvent again)
    {
        var differences = new List<string>();
        if (stored.Type != again.Type)
        {
            differences.Add("type");
        }

        if (stored.CustomerId != again.CustomerId)
        {
            differences.Add("customerId");
        }

        // Databases keep microseconds at best: an instant is the same when it is the same to the microsecond.
        if (Microseconds(stored.OccurredAt) != Microseconds(again.OccurredAt))
        {
            differences.Add("occurredAt");
        }

        using var storedData = JsonDocument.Parse(stored.Data);
        using var againData = JsonDocument.Parse(again.Data);
        if (!JsonElement.DeepEquals(storedData.RootElement, againData.RootElement))
        {
            differences.Add("data");
        }

        return differences;
    }

    private static long Microseconds(DateTimeOffset at) => at.UtcTicks / 10;
}

/// <summary>An event id sent again with another body: the second event would be lost as a "duplicate".</summary>
public sealed class EventConflictException(string eventId, IReadOnlyList<string> differences)
    : Exception($"Event '{eventId}' was received before with another {string.Join(", ", differences)}.")
{
    public string EventId { get; } = eventId;

    /// <summary>The envelope's fields that differ from the stored event (type, customerId, occurredAt, data).</summary>
    public IReadOnlyList<string> Differences { get; } = differences;
}
