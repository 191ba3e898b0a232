using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using RuleSuspension.Application.Incidents;
using RuleSuspension.Application.Workflows;
using RuleSuspension.Domain.Common;
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

        workflows.MapGet("/", async (ISender sender, CancellationToken ct)
            => (await sender.Send(new ListWorkflows(), ct)).Select(WorkflowSummaryResponse.From))
            .RequireAuthorization(AccessPolicies.ReadWorkflows);

        workflows.MapGet("/schema", () => Results.Text(WorkflowSchema.Json, "application/schema+json"));

        workflows.MapGet("/activities", () => ActivityCatalog.Default.All.Select(ActivityTypeResponse.From));

        workflows.MapPost("/validate", async (JsonElement body, WorkflowDefinitions definitions, CancellationToken ct)
            => WorkflowValidationResponse.From((await definitions.ValidateAsync(body, ct)).Errors))
            .RequireAuthorization(AccessPolicies.EditWorkflows);

        workflows.MapGet("/{id}", async (string id, int? version, ISender sender, CancellationToken ct)
            => Results.Json(WorkflowWire.Definition(await sender.Send(new GetWorkflow(id, version), ct))))
            .RequireAuthorization(AccessPolicies.ReadWorkflows);

        workflows.MapGet("/{id}/versions", async (string id, ISender sender, CancellationToken ct)
            => (await sender.Send(new ListWorkflowVersions(id), ct)).Select(WorkflowVersionResponse.From))
            .RequireAuthorization(AccessPolicies.ReadWorkflows);

        workflows.MapPut("/{id}", async (string id, JsonElement body, HttpContext http, ISender sender, CancellationToken ct) =>
        {
            var saved = await sender.Send(new SaveWorkflowDraft(id, body, http.User.ToActor()), ct);
            if (saved.Version is not { } version)
            {
                return Invalid("The workflow definition cannot be saved", saved.Errors);
            }

            var answer = WorkflowWire.Definition(version);
            answer["validation"] = JsonSerializer.SerializeToNode(WorkflowValidationResponse.From(saved.Errors), JsonSerializerOptions.Web);
            return Results.Json(answer);
        }).RequireAuthorization(AccessPolicies.EditWorkflows).Accepts<JsonElement>("application/json");

        workflows.MapPost("/{id}/publish", async (string id, HttpContext http, ISender sender, CancellationToken ct) =>
        {
            var published = await sender.Send(new PublishWorkflow(id, http.User.ToActor()), ct);
            return published.Errors.Count > 0
                ? Invalid($"The draft of workflow '{id}' is not valid and was not published", published.Errors)
                : Results.Json(WorkflowWire.Definition(published.Version!));
        }).RequireAuthorization(AccessPolicies.EditWorkflows);

        var instances = app.MapGroup("/api/workflow-instances").WithTags("Workflows");

        instances.MapGet("/", async (string? customerId, string? status, int? offset, int? limit, HttpContext http, ISender sender, CancellationToken ct) =>
        {
            var (found, total) = await sender.Send(new ListWorkflowInstances(customerId, ParseStatus(status), offset, limit), ct);

            // The page is the body (as before paging); the count of all that match is a header.
            http.Response.Headers["X-Total-Count"] = total.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return found.Select(v => WorkflowInstanceResponse.From(v.Instance, v.Journal, v.CustomerName));
        }).RequireAuthorization(AccessPolicies.ReadWorkflows);

        instances.MapPost("/{id:guid}/retry", async (Guid id, IncidentActionRequest request, HttpContext http, ISender sender, CancellationToken ct) =>
        {
            var instance = await sender.Send(new RetryIncident(id, request.Reason, http.User.ToActor()), ct);
            return WorkflowInstanceResponse.From(instance, await sender.Send(new GetWorkflowJournal(id), ct));
        }).RequireAuthorization(AccessPolicies.MendIncidents);

        instances.MapPost("/{id:guid}/cancel", async (Guid id, IncidentActionRequest request, HttpContext http, ISender sender, CancellationToken ct) =>
        {
            var instance = await sender.Send(new CancelIncident(id, request.Reason, http.User.ToActor()), ct);
            return WorkflowInstanceResponse.From(instance, await sender.Send(new GetWorkflowJournal(id), ct));
        }).RequireAuthorization(AccessPolicies.MendIncidents);

        instances.MapGet("/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
        {
            var (instance, journal, _) = await sender.Send(new GetWorkflowInstance(id), ct);
            return WorkflowInstanceResponse.From(instance, journal);
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
