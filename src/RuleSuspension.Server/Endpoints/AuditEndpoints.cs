using Microsoft.EntityFrameworkCore;
using RuleSuspension.Persistence;
using RuleSuspension.Server.Contracts;
using RuleSuspension.Server.Security;

namespace RuleSuspension.Server.Endpoints;

internal static class AuditEndpoints
{
    public static void MapAudit(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/audit").WithTags("Audit").MapGet("/", async (string? customerId, string? action, long? before, int? limit, RuleSuspensionDb db, CancellationToken ct) =>
        {
            var query = db.AuditEntries.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(customerId))
            {
                query = query.Where(a => a.CustomerId == customerId);
            }

            if (!string.IsNullOrWhiteSpace(action))
            {
                query = query.Where(a => a.Action == action);
            }

            if (before is { } cursor)
            {
                query = query.Where(a => a.Id < cursor);
            }

            // Newest first; page with ?before=<id of the last entry seen>.
            var entries = await query.OrderByDescending(a => a.Id).Take(Math.Clamp(limit ?? 100, 1, 1000)).ToListAsync(ct);
            return entries.Select(AuditEntryResponse.From);
        }).RequireAuthorization(AccessPolicies.ReadAudit);
    }
}
