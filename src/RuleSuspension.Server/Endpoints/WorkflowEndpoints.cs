using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using RuleSuspension.Application.Incidents;
using RuleSuspension.Application.Workflows;
using RuleSuspension.Domain.Common;
using RuleSuspension.Persistence;
using RuleSuspension.Server.Contracts;
using RuleSuspension.Server.Security;
using RuleSuspension.Workflows.Catalog;
using RuleSuspension.Workflows.Runtime;
using RuleSuspension.Workflows.Validation;

namespace RuleSuspension.Server.Endpoints;

internal static class WorkflowEndpoints
{
    public static void MapWorkflows(this IEndpointRouteBuilder app)
    {
        var workflows = app.MapGroup("/api/workflows").WithTags("Workflows");

        workflows.MapGet("/", async (WorkflowDefinitions definitions, CancellationToken ct)
            => (await definitions.ListAsync(ct)).Select(WorkflowSummaryResponse.From))
            .RequireAuthorization(AccessPolicies.ReadWorkflows);

        workflows.MapGet("/schema", () => Results.Text(WorkflowSchema.Json, "application/schema+json"));

        workflows.MapGet("/activities", () => ActivityCatalog.Default.All.Select(ActivityTypeResponse.From));

        workflows.MapPost("/validate", async (JsonElement body, WorkflowDefinitions definitions, CancellationToken ct)
            => WorkflowValidationResponse.From((await definitions.ValidateAsync(body, ct)).Errors))
            .RequireAuthorization(AccessPolicies.EditWorkflows);

        workflows.MapGet("/{id}", async (string id, int? version, WorkflowDefinitions definitions, CancellationToken ct)
            => Results.Json(WorkflowWire.Definition(await definitions.GetAsync(id, version, ct))))
            .RequireAuthorization(AccessPolicies.ReadWorkflows);

        workflows.MapGet("/{id}/versions", async (string id, WorkflowDefinitions definitions, CancellationToken ct)
            => (await definitions.VersionsAsync(id, ct)).Select(WorkflowVersionResponse.From))
            .RequireAuthorization(AccessPolicies.ReadWorkflows);

        workflows.MapPut("/{id}", async (string id, JsonElement body, HttpContext http, WorkflowDefinitions definitions, CancellationToken ct) =>
        {
            var saved = await definitions.SaveDraftAsync(id, body, http.User.ToActor(), ct);
            if (saved.Version is not { } version)
            {
                return Invalid("The workflow definition cannot be saved", saved.Errors);
            }

            var answer = WorkflowWire.Definition(version);
            answer["validation"] = JsonSerializer.SerializeToNode(WorkflowValidationResponse.From(saved.Errors), JsonSerializerOptions.Web);
            return Results.Json(answer);
        }).RequireAuthorization(AccessPolicies.EditWorkflows).Accepts<JsonElement>("application/json");

        workflows.MapPost("/{id}/publish", async (string id, HttpContext http, WorkflowDefinitions definitions, CancellationToken ct) =>
        {
            var published = await definitions.PublishAsync(id, http.User.ToActor(), ct);
            return published.Errors.Count > 0
                ? Invalid($"The draft of workflow '{id}' is not valid and was not published", published.Errors)
                : Results.Json(WorkflowWire.Definition(published.Version!));
        }).RequireAuthorization(AccessPolicies.EditWorkflows);

        var instances = app.MapGroup("/api/workflow-instances").WithTags("Workflows");

        instances.MapGet("/", async (string? customerId, string? status, int? offset, int? limit, HttpContext http, RuleSuspensionDb db, CancellationToken ct) =>
        {
            var (found, total) = await db.ListInstancesAsync(customerId, ParseStatus(status), Math.Max(offset ?? 0, 0), Math.Clamp(limit ?? 100, 1, 500), ct);
            var journals = await db.JournalsOfAsync(found.Select(i => i.Id).ToList(), ct);
            var names = await db.CustomerNamesAsync(found.Select(i => i.CustomerId).Distinct().ToList(), ct);

            // The page is the body (as before paging); the count of all that match is a header.
            http.Response.Headers["X-Total-Count"] = total.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return found.Select(i => WorkflowInstanceResponse.From(i, journals[i.Id], names.GetValueOrDefault(i.CustomerId)));
        }).RequireAuthorization(AccessPolicies.ReadWorkflows);

        instances.MapPost("/{id:guid}/retry", async (Guid id, IncidentActionRequest request, HttpContext http, RetryIncidentHandler handler, RuleSuspensionDb db, CancellationToken ct) =>
        {
            var instance = await handler.Handle(new RetryIncident(id, request.Reason, http.User.ToActor()), ct);
            return WorkflowInstanceResponse.From(instance, await db.JournalOfAsync(id, ct));
        }).RequireAuthorization(AccessPolicies.MendIncidents);

        instances.MapPost("/{id:guid}/cancel", async (Guid id, IncidentActionRequest request, HttpContext http, CancelIncidentHandler handler, RuleSuspensionDb db, CancellationToken ct) =>
        {
            var instance = await handler.Handle(new CancelIncident(id, request.Reason, http.User.ToActor()), ct);
            return WorkflowInstanceResponse.From(instance, await db.JournalOfAsync(id, ct));
        }).RequireAuthorization(AccessPolicies.MendIncidents);

        instances.MapGet("/{id:guid}", async (Guid id, RuleSuspensionDb db, CancellationToken ct) =>
        {
            var instance = await db.FindInstanceAsync(id, ct) ?? throw DomainException.NotFound("Workflow instance", id.ToString());
            return WorkflowInstanceResponse.From(instance, await db.JournalOfAsync(id, ct));
        }).RequireAuthorization(AccessPolicies.ReadWorkflows);
    }

    /// <summary>A status by its exact name, in any case: never a number or a combination.</summary>
    private static WorkflowStatus? ParseStatus(string? status)
    {
        if (string.IsNullOrEmpty(status))
        {
            return null;
        }

        var name = Enum.GetNames<WorkflowStatus>().FirstOrDefault(n => string.Equals(n, status, StringComparison.OrdinalIgnoreCase))
            ?? throw DomainException.Invalid("status", $"'{status}' is not a workflow instance status; expected running, waiting, completed, faulted or cancelled.");
        return Enum.Parse<WorkflowStatus>(name);
    }

    /// <summary>400 problem+json listing every error with its path, activity, line and column.</summary>
    private static IResult Invalid(string title, IReadOnlyList<WorkflowValidationError> errors)
        => Results.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = title,
            Detail = string.Join(" ", errors.Take(5).Select(e => e.ToString())) + (errors.Count > 5 ? $" (and {errors.Count - 5} more)" : ""),
            Extensions = { ["errors"] = errors.Select(ValidationErrorResponse.From).ToList() },
        });
}
