using Mediator;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Application.Suspensions;
using RuleSuspension.Domain.Common;
using RuleSuspension.Domain.Suspensions;
using RuleSuspension.Persistence;
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

        suspensions.MapGet("/", async (string id, RuleSuspensionDb db, CancellationToken ct) =>
        {
            if (!await db.Customers.AnyAsync(c => c.Id == id, ct))
            {
                throw DomainException.NotFound("Customer", id);
            }

            var history = await db.Suspensions.AsNoTracking().Where(s => s.CustomerId == id).ToListAsync(ct);
            return history.OrderByDescending(s => s.SuspendedAt).Select(SuspensionResponse.From);
        }).RequireAuthorization(AccessPolicies.Read);
    }
}
