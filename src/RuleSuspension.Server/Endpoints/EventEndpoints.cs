using RuleSuspension.Application.Events;
using RuleSuspension.Server.Contracts;
using RuleSuspension.Server.Security;

namespace RuleSuspension.Server.Endpoints;

internal static class EventEndpoints
{
    public static void MapEvents(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/events").WithTags("Events").MapPost("/", async (EventEnvelope envelope, HttpContext http, IngestEventHandler handler, CancellationToken ct) =>
        {
            var result = await handler.Handle(new IngestEvent(envelope, http.User.ToActor()), ct);
            return result.Outcome == IngestOutcome.Duplicate
                ? Results.Ok(new EventAccepted(result.EventId, "duplicate"))
                : Results.Accepted($"/api/events/{Uri.EscapeDataString(result.EventId)}", new EventAccepted(result.EventId, "processed"));
        }).RequireAuthorization(AccessPolicies.Ingest);
    }
}
