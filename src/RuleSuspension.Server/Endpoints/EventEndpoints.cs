using Mediator;
using RuleSuspension.Application;
using RuleSuspension.Application.Events;
using RuleSuspension.Domain.Common;
using RuleSuspension.Domain.Events;
using RuleSuspension.Persistence.Telemetry;
using RuleSuspension.Server.Contracts;
using RuleSuspension.Server.Security;

namespace RuleSuspension.Server.Endpoints;

internal static class EventEndpoints
{
    public static void MapEvents(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/events").WithTags("Events").MapPost("/", async (EventEnvelope envelope, HttpContext http, ISender sender, CancellationToken ct) =>
        {
            IngestResult result;
            try
            {
                result = await sender.Send(new IngestEvent(envelope, http.User.ToActor()), ct);
            }
            catch (Exception e) when (e is DomainException or RequestValidationException or InvalidDocumentException)
            {
                // A known type or "other": the tag's values stay few whatever the host sends.
                ServiceMetrics.EventRefused(EventTypes.IsKnown(envelope.Type) ? envelope.Type! : "other");
                throw;
            }

            ServiceMetrics.EventReceived(envelope.Type!);
            return result.Outcome == IngestOutcome.Duplicate
                ? Results.Ok(new EventAccepted(result.EventId, "duplicate"))
                : Results.Accepted($"/api/events/{Uri.EscapeDataString(result.EventId)}", new EventAccepted(result.EventId, "processed"));
        }).RequireAuthorization(AccessPolicies.Ingest);
    }
}
