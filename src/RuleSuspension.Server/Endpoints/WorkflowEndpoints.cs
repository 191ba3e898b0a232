using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using RuleSuspension.Application.Workflows;
using RuleSuspension.Domain.Common;
using RuleSuspension.Persistence;
using RuleSuspension.Server.Contracts;
using RuleSuspension.Server.Security;
using RuleSuspension.Workflows.Catalog;
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

        workflows.MapGet("/activities", () => ActivityCatalog.All.Select(ActivityTypeResponse.From));

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

        instances.MapGet("/", async (string? customerId, int? limit, RuleSuspensionDb db, CancellationToken ct) =>
        {
            var found = await db.ListInstancesAsync(customerId, Math.Clamp(limit ?? 100, 1, 500), ct);
            var journals = await db.JournalsOfAsync(found.Select(i => i.Id).ToList(), ct);
            return found.Select(i => WorkflowInstanceResponse.From(i, journals[i.Id]));
        }).RequireAuthorization(AccessPolicies.ReadWorkflows);

        instances.MapGet("/{id:guid}", async (Guid id, RuleSuspensionDb db, CancellationToken ct) =>
        {
            var instance = await db.FindInstanceAsync(id, ct) ?? throw DomainException.NotFound("Workflow instance", id.ToString());
            return WorkflowInstanceResponse.From(instance, await db.JournalOfAsync(id, ct));
        }).RequireAuthorization(AccessPolicies.ReadWorkflows);
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
