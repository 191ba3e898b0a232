using Mediator;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Outbox;
using RuleSuspension.Persistence;

namespace RuleSuspension.Application.Outbox;

/// <summary>
/// <c>GET /api/outbox</c>: the newest messages and where each channel's delivery stands: delivered, still tried
/// (pending), given up on after the channel's <c>MaxAttempts</c> (failed), or with no one to send to (skipped), so that
/// operators can see what is stuck and why.
/// </summary>
/// <param name="Status">Only messages with a delivery in this state (on <paramref name="Channel"/> when given).</param>
/// <param name="Channel">Only this channel's deliveries count for <paramref name="Status"/>: <c>webhook</c> or <c>email</c>.</param>
public sealed record GetOutbox(string? Status, string? Channel, int? Limit) : IQuery<IReadOnlyList<OutboxMessageResponse>>;

/// <summary>
/// An outbox message as operators see it. The top-level delivery fields are its webhook delivery's (as before email
/// was listed); <see cref="Deliveries"/> has every channel's.
/// </summary>
public sealed record OutboxMessageResponse(
    Guid Id,
    string Type,
    string CustomerId,
    DateTimeOffset CreatedAt,
    string Status,
    int Attempts,
    string? LastError,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? DeliveredAt,
    IReadOnlyList<OutboxDeliveryResponse> Deliveries)
{
    public static OutboxMessageResponse From(OutboxMessage m)
    {
        var deliveries = m.Deliveries.OrderBy(d => d.Channel).Select(OutboxDeliveryResponse.From).ToList();
        // Every message has a webhook delivery (every type goes out as one); a row without it reads as never tried.
        var webhook = deliveries.Find(d => d.Channel == "webhook") ?? new OutboxDeliveryResponse("webhook", "pending", 0, null, null, null);
        return new(m.Id, m.Type, m.CustomerId, m.CreatedAt, webhook.Status, webhook.Attempts, webhook.LastError, webhook.NextAttemptAt, webhook.DeliveredAt, deliveries);
    }
}

/// <summary>One channel's delivery of a message; <c>nextAttemptAt</c> only while it is pending.</summary>
public sealed record OutboxDeliveryResponse(string Channel, string Status, int Attempts, string? LastError, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt)
{
    public static OutboxDeliveryResponse From(OutboxDelivery d) => new(
        Lower(d.Channel), Lower(d.Status), d.Attempts, d.LastError, d.Status == DeliveryStatus.Pending ? d.NextAttemptAt : null, d.DeliveredAt);

    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}

internal sealed class GetOutboxHandler(RuleSuspensionDb db) : IQueryHandler<GetOutbox, IReadOnlyList<OutboxMessageResponse>>
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public async ValueTask<IReadOnlyList<OutboxMessageResponse>> Handle(GetOutbox query, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var status = Parse<DeliveryStatus>(query.Status, "status", "pending, delivered, failed or skipped", errors);
        var channel = Parse<OutboxChannel>(query.Channel, "channel", "webhook or email", errors);
        errors.ThrowIfAny();

        var messages = db.Outbox.AsNoTracking().Include(m => m.Deliveries).AsQueryable();
        if (status is { } s)
        {
            messages = channel is { } c
                ? messages.Where(m => m.Deliveries.Any(d => d.Status == s && d.Channel == c))
                : messages.Where(m => m.Deliveries.Any(d => d.Status == s));
        }
        else if (channel is { } c)
        {
            messages = messages.Where(m => m.Deliveries.Any(d => d.Channel == c));
        }

        var newest = await messages.OrderByDescending(m => m.CreatedAt).Take(Math.Clamp(query.Limit ?? DefaultLimit, 1, MaxLimit)).ToListAsync(cancellationToken);
        return newest.Select(OutboxMessageResponse.From).ToList();
    }

    /// <summary>The filter's value, by its lower-case name; absent is no filter.</summary>
    private static T? Parse<T>(string? text, string field, string allowed, ValidationErrors errors) where T : struct, Enum
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        foreach (var value in Enum.GetValues<T>())
        {
            if (value.ToString().ToLowerInvariant() == text)
            {
                return value;
            }
        }

        errors.Add(field, $"must be {allowed}.");
        return null;
    }
}
