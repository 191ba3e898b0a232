using Mediator;
using RuleSuspension.Application.Suspensions;
using RuleSuspension.Domain.Common;
using RuleSuspension.Domain.Suspensions;
using RuleSuspension.Server.Contracts;
using RuleSuspension.Server.Security;

namespace RuleSuspension.Server.Endpoints;

internal static class SuspensionEndpoints
{
    public static void MapSuspensions(this IEndpointRouteBuilder app)
    {
        var suspensions = app.MapGroup("/api/customers/{id}/suspensions").WithTags("Suspensions");

        suspensions.MapPost("/", async (string id, SuspendRequest request, HttpContext http, ISender sender, CancellationToken ct) =>
        {
            var decision = SuspensionDecision.Manual(request.ReasonCode ?? string.Empty, request.WrittenReason(), http.User.ToActor());
            var suspension = await sender.Send(new SuspendCustomerManually(id, decision), ct);
            return Results.Created($"/api/customers/{Uri.EscapeDataString(id)}/suspensions/{suspension.Id}", SuspensionResponse.From(suspension));
        }).RequireAuthorization(AccessPolicies.Suspend);

        suspensions.MapPost("/current/lift", async (string id, LiftRequest request, HttpContext http, ISender sender, CancellationToken ct)
            => SuspensionResponse.From(await sender.Send(new LiftSuspensionManually(id, request.Reason ?? string.Empty, http.User.ToActor()), ct)))
            .RequireAuthorization(AccessPolicies.Lift);

        suspensions.MapGet("/", async (string id, ISender sender, CancellationToken ct)
            => (await sender.Send(new ListSuspensions(id), ct)).Select(SuspensionResponse.From))
            .RequireAuthorization(AccessPolicies.Read);
    }
}
