namespace RuleSuspension.Domain.Jobs;

/// <summary>
/// One run of the overdue-invoice check: when, on whose clock, and what it did. Counts are written after every batch,
/// so a run in progress shows how far it got.
/// </summary>
public sealed class OverdueCheckRun
{
    private OverdueCheckRun()
    {
        Trigger = RequestedBy = null!;
    }

    public OverdueCheckRun(Guid id, string trigger, string requestedBy, DateTimeOffset asOf, DateOnly? asOfDate, DateTimeOffset? scheduledFor, DateTimeOffset at)
    {
        Id = id;
        Trigger = trigger;
        RequestedBy = requestedBy;
        AsOf = asOf.ToUniversalTime();
        AsOfDate = asOfDate;
        ScheduledFor = scheduledFor?.ToUniversalTime();
        CreatedAt = at.ToUniversalTime();
        Status = OverdueCheckStatus.Queued;
    }

    public Guid Id { get; private set; }

    /// <summary><c>schedule</c> or <c>manual</c>.</summary>
    public string Trigger { get; private set; }

    /// <summary>The person (manual runs) or <c>scheduler</c>.</summary>
    public string RequestedBy { get; private set; }

    /// <summary>The check's clock: each tenant's "today" is this instant in the tenant's zone.</summary>
    public DateTimeOffset AsOf { get; private set; }

    /// <summary>When the run was asked for with a date, that calendar date in every tenant.</summary>
    public DateOnly? AsOfDate { get; private set; }

    /// <summary>The fire time a scheduled run belongs to (its id is derived from it, so a fire time runs once).</summary>
    public DateTimeOffset? ScheduledFor { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public OverdueCheckStatus Status { get; private set; }

    /// <summary>How many times a node started it: 1, unless a node died running it and another recovered it.</summary>
    public int Executions { get; private set; }

    /// <summary>The scheduler node that ran it (the last one, for a recovered run).</summary>
    public string? Node { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>Customers with an unpaid invoice past due (neither suspended nor exempt) that the check looked at.</summary>
    public int Checked { get; private set; }

    public int Warned { get; private set; }

    public int Suspended { get; private set; }

    /// <summary>Customers whose check failed; each is in <see cref="OverdueCheckFailure"/>, and the run went on.</summary>
    public int Failed { get; private set; }

    /// <summary>Why the whole run failed, when it did.</summary>
    public string? Error { get; private set; }

    public bool IsFinished => Status is OverdueCheckStatus.Succeeded or OverdueCheckStatus.CompletedWithFailures or OverdueCheckStatus.Failed;

    public void Start(string node, DateTimeOffset at)
    {
        Executions++;
        Node = node;
        Status = OverdueCheckStatus.Running;
        StartedAt ??= at.ToUniversalTime();
    }

    public void Count(int @checked, int warned, int suspended, int failed)
    {
        Checked += @checked;
        Warned += warned;
        Suspended += suspended;
        Failed += failed;
    }

    public void Finish(DateTimeOffset at)
    {
        Status = Failed == 0 ? OverdueCheckStatus.Succeeded : OverdueCheckStatus.CompletedWithFailures;
        EndedAt = at.ToUniversalTime();
    }

    public void Fail(string error, DateTimeOffset at)
    {
        Status = OverdueCheckStatus.Failed;
        Error = error.Length > 2000 ? error[..2000] : error;
        EndedAt = at.ToUniversalTime();
    }
}

public enum OverdueCheckStatus
{
    Queued,
    Running,
    Succeeded,

    /// <summary>The run went over every customer, but the check failed for some of them.</summary>
    CompletedWithFailures,

    /// <summary>The run itself failed (e.g. the database was unreachable).</summary>
    Failed,
}

/// <summary>A customer the overdue check failed for, and why; the run went on with the others.</summary>
public sealed class OverdueCheckFailure
{
    private OverdueCheckFailure()
    {
        CustomerId = Error = null!;
    }

    public OverdueCheckFailure(Guid runId, string customerId, string error, DateTimeOffset at, Guid? workflowInstanceId = null)
    {
        RunId = runId;
        WorkflowInstanceId = workflowInstanceId;
        CustomerId = customerId;
        Error = error.Length > 2000 ? error[..2000] : error;
        At = at.ToUniversalTime();
    }

    public long Id { get; private set; }

    public Guid RunId { get; private set; }

    public string CustomerId { get; private set; }

    public string Error { get; private set; }

    /// <summary>When the customer's workflow faulted: that instance, the incident to retry or cancel.</summary>
    public Guid? WorkflowInstanceId { get; private set; }

    public DateTimeOffset At { get; private set; }
}
