namespace RuleSuspension.Workflows.Runtime;

/// <summary>
/// Where an instance stands. <see cref="Waiting"/> is set only together with its bookmarks, in the same save as the
/// journal entry of the blocking step, so an instance never shows waiting after later steps ran.
/// </summary>
public enum WorkflowStatus
{
    /// <summary>Between two steps of a run.</summary>
    Running,

    /// <summary>Blocked on a task, an event or a timer (see its bookmarks).</summary>
    Waiting,

    Completed,

    /// <summary>An activity failed; the journal says why. Nothing resumes it.</summary>
    Faulted,
}
