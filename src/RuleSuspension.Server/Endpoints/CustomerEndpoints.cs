using Mediator;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Application.Customers;
using RuleSuspension.Domain.Common;
using RuleSuspension.Domain.Suspensions;
using RuleSuspension.Persistence;
using RuleSuspension.Server.Contracts;
using RuleSuspension.Server.Security;

namespace RuleSuspension.Server.Endpoints;

internal static class CustomerEndpoints
{
    public static void MapCustomers(this IEndpointRouteBuilder app)
    {
        var customers = app.MapGroup("/api/customers").WithTags("Customers");

        customers.MapPut("/{id}", async (string id, CustomerRequest request, HttpContext http, ISender sender, CancellationToken ct) =>
        {
            var (customer, created) = await sender.Send(new UpsertCustomer(id, request.ToProfile(), http.User.ToActor(), request.Reason, KeepExemption: request.Exempt is null && request.ExemptUntil is null), ct);
            var body = CustomerResponse.From(customer);
            return created ? Results.Created($"/api/customers/{Uri.EscapeDataString(id)}", body) : Results.Ok(body);
        }).RequireAuthorization(AccessPolicies.WriteCustomers);

        customers.MapGet("/", async (string? search, string? status, int? limit, RuleSuspensionDb db, CancellationToken ct) =>
        {
            var query = db.Customers.AsNoTracking().Include(c => c.Suspensions.Where(s => s.LiftedAt == null)).AsQueryable();
            if (!string.IsNullOrWhiteSpace(search))
            {
                var term = search.Trim().ToLower();
                query = query.Where(c => c.Id.ToLower().Contains(term) || c.Name.ToLower().Contains(term) || c.Email.ToLower().Contains(term));
            }

            if (status is "active" or "suspended")
            {
                var wanted = status == "suspended" ? Domain.Customers.CustomerStatus.Suspended : Domain.Customers.CustomerStatus.Active;
                query = query.Where(c => c.Status == wanted);
            }

            var page = await query.OrderBy(c => c.Id).Take(Math.Clamp(limit ?? 50, 1, 500)).ToListAsync(ct);
            return page.Select(CustomerResponse.From);
        }).RequireAuthorization(AccessPolicies.Read);

        customers.MapGet("/{id}", async (string id, RuleSuspensionDb db, CancellationToken ct)
            => CustomerResponse.From(await db.GetWithActiveSuspensionAsync(id, ct)))
            .RequireAuthorization(AccessPolicies.Read);

        customers.MapGet("/{id}/access", async (string id, RuleSuspensionDb db, SuspensionPolicy policy, CancellationToken ct)
            => AccessResponse.From(await db.GetWithActiveSuspensionAsync(id, ct), policy))
            .RequireAuthorization(AccessPolicies.Read);
    }
}
