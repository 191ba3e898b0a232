using Mediator;
using RuleSuspension.Application.Outbox;
using RuleSuspension.Server.Security;

namespace RuleSuspension.Server.Endpoints;

/// <summary><c>GET /api/outbox</c>: every channel's delivery of the newest outbox messages (<see cref="GetOutbox"/>).</summary>
internal static class OutboxEndpoints
{
    public static void MapOutbox(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/outbox", async (string? status, string? channel, int? limit, ISender sender, CancellationToken ct)
                => await sender.Send(new GetOutbox(status, channel, limit), ct))
            .WithTags("Outbox").RequireAuthorization(AccessPolicies.ReadOutbox);
    }
}
