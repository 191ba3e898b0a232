using Mediator;
using Microsoft.Extensions.Logging;
using RuleSuspension.Application.Pipeline;
using RuleSuspension.Domain.Access;
using RuleSuspension.Workflows.Runtime;

namespace RuleSuspension.Application.Incidents;

public sealed record RetryIncident(Guid InstanceId, string? Reason, Actor By) : ICommand<WorkflowInstance>, ICustomerCommand
{
    public CustomerOf Customer => CustomerOf.Instance(InstanceId);
}

public sealed class RetryIncidentValidator(InputLimits limits) : CommandValidator<RetryIncident>
{
    protected override void Check(RetryIncident command, ValidationErrors errors) => errors.Check("reason", limits.ReasonProblem(command.Reason));
}

/// <summary>
/// Runs a faulted instance's failed step again, on the instance's own workflow version, with the customer's lock held
/// and in one transaction: whatever the step and the ones after it do (a suspension, a task, outbox records) commits
/// together with the retry's audit entry, or nothing does. A step that fails again leaves the instance faulted.
/// </summary>
public sealed class RetryIncidentHandler(IncidentWork work, WorkflowEngine engine, ILogger<RetryIncidentHandler> logger)
    : ICommandHandler<RetryIncident, WorkflowInstance>
{
    public async ValueTask<WorkflowInstance> Handle(RetryIncident command, CancellationToken cancellationToken)
    {
        var instance = await work.MendAsync(command.InstanceId, command.Reason, command.By, "workflow-instance.retried",
            (definition, instance, note) => engine.RetryAsync(definition, instance, note, cancellationToken), cancellationToken);
        logger.LogInformation("Workflow instance {InstanceId} of customer {CustomerId} retried by {By}: now {Status}", instance.Id, instance.CustomerId, command.By, instance.Status);
        return instance;
    }
}
