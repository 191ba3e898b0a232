using Mediator;
using Microsoft.Extensions.Logging;
using RuleSuspension.Application.Pipeline;
using RuleSuspension.Domain.Access;
using RuleSuspension.Workflows.Runtime;

namespace RuleSuspension.Application.Incidents;

public sealed record CancelIncident(Guid InstanceId, string? Reason, Actor By) : ICommand<WorkflowInstance>, ICustomerCommand
{
    public CustomerOf Customer => CustomerOf.Instance(InstanceId);
}

public sealed class CancelIncidentValidator(InputLimits limits) : CommandValidator<CancelIncident>
{
    protected override void Check(CancelIncident command, ValidationErrors errors) => errors.Check("reason", limits.ReasonProblem(command.Reason));
}

/// <summary>Ends a faulted instance without running it again (nobody will mend it); audited with who and why.</summary>
public sealed class CancelIncidentHandler(IncidentWork work, WorkflowEngine engine, ILogger<CancelIncidentHandler> logger)
    : ICommandHandler<CancelIncident, WorkflowInstance>
{
    public async ValueTask<WorkflowInstance> Handle(CancelIncident command, CancellationToken cancellationToken)
    {
        var instance = await work.MendAsync(command.InstanceId, command.Reason, command.By, "workflow-instance.cancelled",
            (definition, instance, note) => engine.CancelAsync(definition, instance, note, cancellationToken), cancellationToken);
        logger.LogInformation("Workflow instance {InstanceId} of customer {CustomerId} cancelled by {By}", instance.Id, instance.CustomerId, command.By);
        return instance;
    }
}
