using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RuleSuspension.Application.Workflows;
using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Common;
using RuleSuspension.Domain.Suspensions;
using RuleSuspension.Domain.Tasks;
using RuleSuspension.Persistence;
using RuleSuspension.Persistence.Locking;
using RuleSuspension.Workflows.Runtime;

namespace RuleSuspension.Application.Tasks;

public sealed record CompleteTask(Guid TaskId, string Outcome, string Reason, Actor By);

/// <summary>
/// Completes a task (its role or SuperAdmin; a reason; for Lift a role that may lift) and resumes its workflow instance
/// in the same transaction: with Lift the instance runs LiftSuspension on behalf of this person.
/// </summary>
public sealed class CompleteTaskHandler(
    RuleSuspensionDb db,
    CustomerLock locks,
    SuspensionPolicy policy,
    TimeProvider clock,
    WorkflowDispatcher dispatcher,
    ILogger<CompleteTaskHandler> logger,
    InputLimits limits)
{
    public async Task<HumanTask> Handle(CompleteTask command, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Check("reason", limits.ReasonProblem(command.Reason));
        errors.ThrowIfAny();

        var customerId = await db.Tasks.Where(t => t.Id == command.TaskId).Select(t => t.CustomerId).FirstOrDefaultAsync(cancellationToken)
            ?? throw DomainException.NotFound("Task", command.TaskId.ToString());
        await using var locked = await locks.AcquireAsync(db, customerId, cancellationToken);
        var task = await db.Tasks.FirstAsync(t => t.Id == command.TaskId, cancellationToken);
        task.Complete(command.By, command.Outcome, command.Reason, policy, clock.GetUtcNow());
        await ResumeInstanceAsync(task, cancellationToken);
        await locked.CommitAsync(cancellationToken);
        logger.LogInformation("Task {TaskId} of customer {CustomerId} completed with {Outcome} by {CompletedBy}", task.Id, task.CustomerId, task.Outcome, command.By);
        return task;
    }

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

    private async Task ResumeInstanceAsync(HumanTask task, CancellationToken cancellationToken)
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
