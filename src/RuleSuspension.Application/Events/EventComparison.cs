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

        // The stored instant is rounded by the database (SQLite's column keeps a tenth of a millisecond): an instant
        // is the same when it is the same to the millisecond.
        if (Milliseconds(stored.OccurredAt) != Milliseconds(again.OccurredAt))
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

    private static long Milliseconds(DateTimeOffset at) => at.UtcTicks / TimeSpan.TicksPerMillisecond;
}

/// <summary>An event id sent again with another body: the second event would be lost as a "duplicate".</summary>
public sealed class EventConflictException(string eventId, IReadOnlyList<string> differences)
    : Exception($"Event '{eventId}' was received before with another {string.Join(", ", differences)}.")
{
    public string EventId { get; } = eventId;

    /// <summary>The envelope's fields that differ from the stored event (type, customerId, occurredAt, data).</summary>
    public IReadOnlyList<string> Differences { get; } = differences;
}
