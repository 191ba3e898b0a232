using Mediator;
using RuleSuspension.Application;
using RuleSuspension.Application.Invoices;
using RuleSuspension.Server.Contracts;
using RuleSuspension.Server.Security;

namespace RuleSuspension.Server.Endpoints;

internal static class InvoiceEndpoints
{
    public static void MapInvoices(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/invoices").WithTags("Invoices").MapPut("/{id}", async (string id, InvoiceRequest request, HttpContext http, ISender sender, CancellationToken ct) =>
        {
            var errors = new ValidationErrors();
            if (string.IsNullOrWhiteSpace(request.CustomerId))
            {
                errors.Add("customerId", "is required.");
            }

            if (request.Amount is null)
            {
                errors.Add("amount", "is required.");
            }

            if (string.IsNullOrWhiteSpace(request.Currency))
            {
                errors.Add("currency", "is required.");
            }

            if (request.IssuedAt is null)
            {
                errors.Add("issuedAt", "is required.");
            }

            if (request.DueDate is null)
            {
                errors.Add("dueDate", "is required.");
            }

            errors.ThrowIfAny();
            var (invoice, created) = await sender.Send(
                new UpsertInvoice(id, request.CustomerId!, request.Amount!.Value, request.Currency!, request.IssuedAt!.Value, request.DueDate!.Value, request.PaidAt, http.User.ToActor()), ct);
            var body = InvoiceResponse.From(invoice);
            return created ? Results.Created($"/api/invoices/{Uri.EscapeDataString(id)}", body) : Results.Ok(body);
        }).RequireAuthorization(AccessPolicies.WriteInvoices);
    }
}
