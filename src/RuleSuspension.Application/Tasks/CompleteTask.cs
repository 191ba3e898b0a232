using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RuleSuspension.Application.Pipeline;
using RuleSuspension.Application.Workflows;
using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Common;
using RuleSuspension.Domain.Suspensions;
using RuleSuspension.Domain.Tasks;
using RuleSuspension.Persistence;
using RuleSuspension.Workflows.Runtime;

namespace RuleSuspension.Application.Tasks;

public sealed record CompleteTask(Guid TaskId, string Outcome, string Reason, Actor By) : ICommand<HumanTask>, ICustomerCommand
{
    public CustomerOf Customer => CustomerOf.Task(TaskId);
}

public sealed class CompleteTaskValidator(InputLimits limits) : CommandValidator<CompleteTask>
{
    protected override void Check(CompleteTask command, ValidationErrors errors)
        => errors.Check("reason", limits.ReasonProblem(command.Reason));
}

/// <summary>
/// Completes a task (its role or SuperAdmin; a reason; for Lift a role that may lift) and resumes its workflow instance
/// in the same unit of work: with Lift the instance runs LiftSuspension on behalf of this person.
/// </summary>
public sealed class CompleteTaskHandler(
    RuleSuspensionDb db,
    CustomerUnitOfWork work,
    SuspensionPolicy policy,
    TimeProvider clock,
    TaskCompletions completions,
    ILogger<CompleteTaskHandler> logger)
    : ICommandHandler<CompleteTask, HumanTask>
{
    public async ValueTask<HumanTask> Handle(CompleteTask command, CancellationToken cancellationToken)
    {
        if (work.CustomerId is null)
        {
            throw DomainException.NotFound("Task", command.TaskId.ToString());
        }

        var task = await db.Tasks.FirstAsync(t => t.Id == command.TaskId, cancellationToken);
        task.Complete(command.By, command.Outcome, command.Reason, policy, clock.GetUtcNow());
        await completions.ResumeInstanceAsync(task, cancellationToken);
        logger.LogInformation("Task {TaskId} of customer {CustomerId} completed with {Outcome} by {CompletedBy}", task.Id, task.CustomerId, task.Outcome, command.By);
        return task;
    }
}

/// <summary>What completing a task does to its workflow instance, for a task completed by hand or by a lift.</summary>
public sealed class TaskCompletions(RuleSuspensionDb db, TimeProvider clock, WorkflowDispatcher dispatcher)
{
    /// <summary>
    /// After a lift through the customer route: completes the customer's open lift tasks with Lift on behalf of the
    /// same person and resumes their instances (whose LiftSuspension then finds nothing left to lift). The caller holds
    /// the customer's lock.
    /// </summary>
    public async Task CompleteOpenLiftTasksAsync(string customerId, Actor by, string reason, CancellationToken cancellationToken)
    {
        var open = await db.Tasks.Where(t => t.CustomerId == customerId && t.Status == HumanTaskStatus.Open && t.Kind == HumanTask.LiftKind)
            .ToListAsync(cancellationToken);
        foreach (var task in open.Where(t => t.Outcomes.Contains(HumanTask.LiftOutcome)))
        {
            task.CompleteByLift(by, reason, clock.GetUtcNow());
            await ResumeInstanceAsync(task, cancellationToken);
        }
    }

    /// <summary>Offers the completion to the task's workflow instance, if it has one still there.</summary>
    public async Task ResumeInstanceAsync(HumanTask task, CancellationToken cancellationToken)
    {
        if (task.WorkflowInstanceId is not { } instanceId || task.ActivityId is null)
        {
            return;
        }

        var instance = await db.WorkflowInstances.FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
        if (instance is null)
        {
            return;
        }

        var completion = new TaskCompletion(task.Id, task.ActivityId, task.Outcome!, task.CompletedBy!, task.CompletedByRole!.Value, task.Reason!, task.CompletedAt!.Value);
        await dispatcher.ResumeAsync(instance, new TaskCompletedSignal(completion), cancellationToken);
    }
}
