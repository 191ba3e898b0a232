using Microsoft.EntityFrameworkCore;
using RuleSuspension.Persistence;
using RuleSuspension.Workflows.Ports;
using RuleSuspension.Workflows.Runtime;

namespace RuleSuspension.Infrastructure.Workflows;

/// <summary>Keeps timers in the WorkflowTimers table; <see cref="WorkflowTimers"/> fires them.</summary>
internal sealed class DbTimerScheduler(RuleSuspensionDb db) : IWorkflowTimerScheduler
{
    public async Task ScheduleAsync(TimerRequest request, CancellationToken cancellationToken)
    {
        if (await db.WorkflowTimers.FindAsync([request.TimerId], cancellationToken) is null)
        {
            db.WorkflowTimers.Add(new WorkflowTimer(request.TimerId, request.InstanceId, request.CustomerId, request.ActivityId, request.DueAt));
        }
    }

    public async Task CancelAsync(Guid instanceId, string activityId, CancellationToken cancellationToken)
    {
        var stored = await db.WorkflowTimers.Where(t => t.InstanceId == instanceId && t.ActivityId == activityId && !t.Fired).ToListAsync(cancellationToken);
        var pending = db.WorkflowTimers.Local.Where(t => t.InstanceId == instanceId && t.ActivityId == activityId && !t.Fired);
        db.WorkflowTimers.RemoveRange(stored.Union(pending).ToList());
    }
}
