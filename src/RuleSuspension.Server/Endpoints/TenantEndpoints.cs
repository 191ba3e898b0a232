using Mediator;
using RuleSuspension.Application.Tenants;
using RuleSuspension.Domain.Common;
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

        tenants.MapGet("/{id}", async (string id, ISender sender, CancellationToken ct)
            => TenantResponse.From(await sender.Send(new GetTenant(id), ct)))
            .RequireAuthorization(AccessPolicies.Read);

        tenants.MapGet("/", async (ISender sender, CancellationToken ct)
            => (await sender.Send(new ListTenants(), ct)).Select(TenantResponse.From))
            .RequireAuthorization(AccessPolicies.Read);
    }
}
