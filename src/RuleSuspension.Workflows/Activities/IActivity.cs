using RuleSuspension.Workflows.Runtime;

namespace RuleSuspension.Workflows.Activities;

/// <summary>The behaviour of one activity type.</summary>
internal interface IActivity
{
    string Type { get; }

    Task<ActivityResult> ExecuteAsync(ActivityContext context);
}

/// <summary>An activity that waits: resumed by a signal that matches one of its bookmarks.</summary>
internal interface IBlockingActivity : IActivity
{
    /// <summary>The result of the signal, or null when it does not concern this wait (the instance keeps waiting).</summary>
    Task<ActivityResult?> ResumeAsync(ActivityContext context, WorkflowSignal signal);
}

/// <summary>Thrown by an activity that cannot do its work; the instance faults with the message.</summary>
internal sealed class ActivityFailedException(string message) : Exception(message);
