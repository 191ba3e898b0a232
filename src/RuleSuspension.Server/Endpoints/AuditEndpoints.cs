using Mediator;
using RuleSuspension.Application.Audit;
using RuleSuspension.Server.Contracts;
using RuleSuspension.Server.Security;

namespace RuleSuspension.Server.Endpoints;

internal static class AuditEndpoints
{
    public static void MapAudit(this IEndpointRouteBuilder app)
    {
        // Newest first; page with ?before=<id of the last entry seen>.
        app.MapGroup("/api/audit").WithTags("Audit").MapGet("/", async (string? customerId, string? action, long? before, int? limit, ISender sender, CancellationToken ct)
            => (await sender.Send(new ListAuditEntries(customerId, action, before, limit), ct)).Select(AuditEntryResponse.From))
            .RequireAuthorization(AccessPolicies.ReadAudit);
    }
}
