using RuleSuspension.Application.Jobs;
using RuleSuspension.Domain.Jobs;
using RuleSuspension.Domain.Tenants;

namespace RuleSuspension.Server.Contracts;

/// <summary><c>asOf</c>: a date (<c>2026-03-01</c>, that date in every tenant) or an instant (each tenant's date then).</summary>
public sealed record OverdueCheckRequest(string? AsOf);

public sealed record JobResponse(string Name, string Description, string? Cron, string? TimeZone, DateTimeOffset? NextFireTime, DateTimeOffset? PreviousFireTime, int Triggers)
{
    public static JobResponse From(ScheduledJob j) => new(j.Name, j.Description, j.Schedule, j.TimeZone, j.NextFireTime, j.PreviousFireTime, j.Triggers);
}

public sealed record JobRunAccepted(Guid RunId, string Status, string Location);

public sealed record JobRunResponse(
    Guid Id,
    string Job,
    string Trigger,
    string RequestedBy,
    string Status,
    DateTimeOffset AsOf,
    DateOnly? AsOfDate,
    DateTimeOffset? ScheduledFor,
    string? Node,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    int Checked,
    int Warned,
    int Suspended,
    int Failed,
    string? Error,
    IReadOnlyList<JobRunFailure> Failures)
{
    public static JobRunResponse From(OverdueCheckRun r, IReadOnlyList<JobRunFailure> failures) => new(
        r.Id, "overdue-check", r.Trigger, r.RequestedBy, Wire(r.Status), r.AsOf, r.AsOfDate, r.ScheduledFor, r.Node, r.CreatedAt, r.StartedAt, r.EndedAt,
        r.Checked, r.Warned, r.Suspended, r.Failed, r.Error, failures);

    /// <summary><c>queued</c>, <c>running</c>, <c>succeeded</c>, <c>completed-with-failures</c>, <c>failed</c>.</summary>
    public static string Wire(OverdueCheckStatus status) => status switch
    {
        OverdueCheckStatus.Queued => "queued",
        OverdueCheckStatus.Running => "running",
        OverdueCheckStatus.Succeeded => "succeeded",
        OverdueCheckStatus.CompletedWithFailures => "completed-with-failures",
        _ => "failed",
    };
}

/// <summary>A customer the run failed for; <c>WorkflowInstanceId</c> is the incident when its workflow faulted.</summary>
public sealed record JobRunFailure(string CustomerId, string Error, DateTimeOffset At, Guid? WorkflowInstanceId);

public sealed record TenantRequest(string? TimeZone);

public sealed record TenantResponse(string Id, string TimeZone, DateTimeOffset UpdatedAt)
{
    public static TenantResponse From(Tenant t) => new(t.Id, t.TimeZone, t.UpdatedAt);
}
