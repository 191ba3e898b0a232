using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Outbox;
using RuleSuspension.Domain.Tasks;
using RuleSuspension.Persistence;
using RuleSuspension.Workflows.Ports;

namespace RuleSuspension.Infrastructure.Workflows;

/// <summary>Opens human tasks (once per instance, activity and visit) and announces them in the outbox.</summary>
internal sealed class DbTaskInbox(RuleSuspensionDb db, TimeProvider clock) : IHumanTaskInbox
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<Guid> OpenAsync(OpenTaskRequest request, CancellationToken cancellationToken)
    {
        // A visit's effects are written in its run's one transaction, so its task cannot exist yet; the unique index on
        // (instance, activity, visit) is the database's guard that it never does twice.
        var now = clock.GetUtcNow();
        var task = new HumanTask(Guid.NewGuid(), request.CustomerId, request.Kind, request.Title, Enum.Parse<Role>(request.Role), request.Outcomes,
            request.InstanceId, request.ActivityId, request.Visit, request.SuspensionId, request.ReasonCode, now);
        db.Tasks.Add(task);
        var payload = JsonSerializer.Serialize(new
        {
            taskId = task.Id,
            task.CustomerId,
            task.Kind,
            task.Title,
            role = task.Role.ToString(),
            task.Outcomes,
            workflowInstanceId = task.WorkflowInstanceId,
            task.SuspensionId,
            task.ReasonCode,
        }, Json);
        db.Outbox.Add(new OutboxMessage(task.Id, NotificationTypes.TaskCreated, task.CustomerId, payload, now));
        return Task.FromResult(task.Id);
    }
}
