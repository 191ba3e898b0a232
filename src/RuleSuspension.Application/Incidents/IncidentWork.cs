using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Application.Pipeline;
using RuleSuspension.Application.Workflows;
using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Audit;
using RuleSuspension.Domain.Common;
using RuleSuspension.Persistence;
using RuleSuspension.Workflows.Definitions;
using RuleSuspension.Workflows.Runtime;

namespace RuleSuspension.Application.Incidents;

/// <summary>
/// What retrying and cancelling an incident share: the reason is checked before anything is read (their validators),
/// the instance is loaded under its customer's lock (the customer unit of work events, tasks and timers use), and the
/// person's act is audited in the same transaction as its effect.
/// </summary>
public sealed class IncidentWork(RuleSuspensionDb db, CustomerUnitOfWork work, WorkflowDefinitionCache definitions, TimeProvider clock)
{
    public async Task<WorkflowInstance> MendAsync(Guid instanceId, string? reason, Actor by, string action,
        Func<WorkflowDefinition, WorkflowInstance, JsonObject, Task> act, CancellationToken cancellationToken)
    {
        var text = reason!.Trim();
        var customerId = work.CustomerId ?? throw DomainException.NotFound("Workflow instance", instanceId.ToString());
        var instance = await db.WorkflowInstances.FirstAsync(i => i.Id == instanceId, cancellationToken);
        var definition = await definitions.GetAsync(db, instance.DefinitionId, instance.DefinitionVersion, cancellationToken);
        var fault = instance.Fault;
        var step = instance.CurrentActivityId;
        await act(definition, instance, new JsonObject { ["by"] = by.ToString(), ["reason"] = text });
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow(), by.ToString(), action, customerId, JsonSerializer.Serialize(new
        {
            instanceId, workflowId = instance.DefinitionId, version = instance.DefinitionVersion, activityId = step, fault, reason = text,
            status = instance.Status.ToString().ToLowerInvariant(),
        }, JsonSerializerOptions.Web)));
        return instance;
    }
}
