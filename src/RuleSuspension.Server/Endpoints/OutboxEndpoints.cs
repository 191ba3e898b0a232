using Microsoft.EntityFrameworkCore;
using RuleSuspension.Application;
using RuleSuspension.Domain.Outbox;
using RuleSuspension.Persistence;
using RuleSuspension.Server.Contracts;
using RuleSuspension.Server.Security;
using RuleSuspension.Server.Webhooks;

namespace RuleSuspension.Server.Endpoints;

/// <summary>
/// <c>GET /api/outbox</c>: what the webhook sender has delivered, is still trying (pending) or gave up on after
/// <c>Webhooks:MaxAttempts</c> (failed), so that operators can see what is stuck and why.
/// </summary>
internal static class OutboxEndpoints
{
    public static void MapOutbox(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/outbox", async (string? status, int? limit, RuleSuspensionDb db, WebhookSettings settings, CancellationToken ct) =>
        {
            var max = settings.MaxAttempts;
            var query = db.Outbox.AsNoTracking();
            query = status switch
            {
                null or "" => query,
                "pending" => query.Where(m => m.DeliveredAt == null && m.Attempts < max),
                "delivered" => query.Where(m => m.DeliveredAt != null),
                "failed" => query.Where(m => m.DeliveredAt == null && m.Attempts >= max),
                _ => Invalid(query),
            };
            var messages = await query.OrderByDescending(m => m.CreatedAt).Take(Math.Clamp(limit ?? 50, 1, 500)).ToListAsync(ct);
            return messages.Select(m => OutboxMessageResponse.From(m, max));
        }).WithTags("Outbox").RequireAuthorization(AccessPolicies.ReadOutbox);
    }

    private static IQueryable<OutboxMessage> Invalid(IQueryable<OutboxMessage> query)
    {
        var errors = new ValidationErrors();
        errors.Add("status", "must be pending, delivered or failed.");
        errors.ThrowIfAny();
        return query;
    }
}
