using Mediator;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Application.Tenants;
using RuleSuspension.Domain.Common;
using RuleSuspension.Persistence;
using RuleSuspension.Server.Contracts;
using RuleSuspension.Server.Security;

namespace RuleSuspension.Server.Endpoints;

internal static class TenantEndpoints
{
    public static void MapTenants(this IEndpointRouteBuilder app)
    {
        var tenants = app.MapGroup("/api/tenants").WithTags("Tenants");

        tenants.MapPut("/{id}", async (string id, TenantRequest request, HttpContext http, ISender sender, CancellationToken ct) =>
        {
            var (tenant, created) = await sender.Send(new SetTenantTimeZone(id, request.TimeZone ?? string.Empty, http.User.ToActor()), ct);
            var body = TenantResponse.From(tenant);
            return created ? Results.Created($"/api/tenants/{Uri.EscapeDataString(id)}", body) : Results.Ok(body);
        }).RequireAuthorization(AccessPolicies.ManageTenants);

        tenants.MapGet("/{id}", async (string id, RuleSuspensionDb db, CancellationToken ct)
            => TenantResponse.From(await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw DomainException.NotFound("Tenant", id)))
            .RequireAuthorization(AccessPolicies.Read);

        tenants.MapGet("/", async (RuleSuspensionDb db, CancellationToken ct)
            => (await db.Tenants.AsNoTracking().OrderBy(t => t.Id).ToListAsync(ct)).Select(TenantResponse.From))
            .RequireAuthorization(AccessPolicies.Read);
    }
}
