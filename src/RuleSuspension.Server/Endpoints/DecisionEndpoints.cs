using Mediator;
using RuleSuspension.Application.Decisions;
using RuleSuspension.Domain.Common;
using RuleSuspension.Server.Security;

namespace RuleSuspension.Server.Endpoints;

internal static class DecisionEndpoints
{
    public static void MapDecisions(this IEndpointRouteBuilder app)
    {
        var decisions = app.MapGroup("/api/decisions").WithTags("Decisions");

        // The facts in a record are the customer's, so whoever may read the customer may read its decisions.
        decisions.MapGet("/", async (string? customerId, ISender sender, CancellationToken ct)
            => string.IsNullOrWhiteSpace(customerId)
                ? throw DomainException.Invalid("customerId", "Give the customer whose decisions to list: ?customerId=.")
                : await sender.Send(new ListCustomerDecisions(customerId), ct))
            .RequireAuthorization(AccessPolicies.Read);

        decisions.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) => await sender.Send(new GetDecision(id), ct))
            .RequireAuthorization(AccessPolicies.Read);

        decisions.MapPost("/{id:guid}/replay", async (Guid id, ISender sender, CancellationToken ct) => await sender.Send(new ReplayDecision(id), ct))
            .RequireAuthorization(AccessPolicies.ReplayDecisions);
    }
}
