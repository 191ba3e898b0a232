using Mediator;
using RuleSuspension.Application.Customers;
using RuleSuspension.Domain.Common;
using RuleSuspension.Domain.Suspensions;
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

        customers.MapGet("/", async (string? search, string? status, int? limit, ISender sender, CancellationToken ct)
            => (await sender.Send(new ListCustomers(search, status, limit), ct)).Select(CustomerResponse.From))
            .RequireAuthorization(AccessPolicies.Read);

        customers.MapGet("/{id}", async (string id, ISender sender, CancellationToken ct)
            => CustomerResponse.From(await sender.Send(new GetCustomer(id), ct)))
            .RequireAuthorization(AccessPolicies.Read);

        customers.MapGet("/{id}/access", async (string id, ISender sender, SuspensionPolicy policy, CancellationToken ct)
            => AccessResponse.From(await sender.Send(new GetCustomer(id), ct), policy))
            .RequireAuthorization(AccessPolicies.Read);
    }
}
