using Microsoft.Extensions.Logging;
using RuleSuspension.Domain.Access;
using RuleSuspension.Workflows.Runtime;

namespace RuleSuspension.Application.Incidents;

public sealed record CancelIncident(Guid InstanceId, string? Reason, Actor By);

/// <summary>Ends a faulted instance without running it again (nobody will mend it); audited with who and why.</summary>
public sealed class CancelIncidentHandler(IncidentWork work, WorkflowEngine engine, ILogger<CancelIncidentHandler> logger)
{
    public async Task<WorkflowInstance> Handle(CancelIncident command, CancellationToken cancellationToken)
    {
        var instance = await work.MendAsync(command.InstanceId, command.Reason, command.By, "workflow-instance.cancelled",
            (definition, instance, note) => engine.CancelAsync(definition, instance, note, cancellationToken), cancellationToken);
        logger.LogInformation("Workflow instance {InstanceId} of customer {CustomerId} cancelled by {By}", instance.Id, instance.CustomerId, command.By);
        return instance;
    }
}
