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

    /// <summary>An activity failed (an incident); the journal says why. Only a person's retry or cancel moves it on.</summary>
    Faulted,

    /// <summary>Ended by a person instead of being retried (a faulted instance nobody will mend).</summary>
    Cancelled,
}
