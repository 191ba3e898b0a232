using Mediator;
using RuleSuspension.Application.Tasks;
using RuleSuspension.Domain.Common;
using RuleSuspension.Domain.Tasks;
using RuleSuspension.Server.Contracts;
using RuleSuspension.Server.Security;

namespace RuleSuspension.Server.Endpoints;

internal static class TaskEndpoints
{
    public static void MapTasks(this IEndpointRouteBuilder app)
    {
        var tasks = app.MapGroup("/api/tasks").WithTags("Tasks");

        tasks.MapGet("/", async (string? customerId, string? status, int? limit, ISender sender, CancellationToken ct) =>
        {
            HumanTaskStatus? wanted = status switch
            {
                null or "" => null,
                _ when EnumeratedValue.Match<HumanTaskStatus>(status) is { } parsed => parsed,
                _ => throw DomainException.Invalid("status", $"'{status}' is not a task status; expected open, completed or cancelled."),
            };
            return (await sender.Send(new ListTasks(customerId, wanted, limit), ct)).Select(TaskResponse.From);
        }).RequireAuthorization(AccessPolicies.ReadWorkflows);

        tasks.MapPost("/{id:guid}/complete", async (Guid id, CompleteTaskRequest request, HttpContext http, ISender sender, CancellationToken ct)
            => TaskResponse.From(await sender.Send(new CompleteTask(id, request.Outcome ?? string.Empty, request.Reason ?? string.Empty, http.User.ToActor()), ct)))
            .RequireAuthorization(AccessPolicies.CompleteTasks);
    }
}
