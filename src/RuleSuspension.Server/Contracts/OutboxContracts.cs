using RuleSuspension.Domain.Outbox;

namespace RuleSuspension.Server.Contracts;

/// <summary>An outbox message as operators see it: where its delivery stands and, if stuck, why.</summary>
public sealed record OutboxMessageResponse(
    Guid Id,
    string Type,
    string CustomerId,
    DateTimeOffset CreatedAt,
    string Status,
    int Attempts,
    string? LastError,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? DeliveredAt)
{
    public static OutboxMessageResponse From(OutboxMessage m, int maxAttempts) => new(
        m.Id, m.Type, m.CustomerId, m.CreatedAt, StatusOf(m, maxAttempts), m.Attempts, m.LastError, m.DeliveredAt is null ? m.NextAttemptAt : null, m.DeliveredAt);

    private static string StatusOf(OutboxMessage m, int maxAttempts)
        => m.DeliveredAt is not null ? "delivered" : m.Attempts >= maxAttempts ? "failed" : "pending";
}
