using Mediator;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Common;
using RuleSuspension.Domain.Jobs;
using RuleSuspension.Persistence;

namespace RuleSuspension.Application.Jobs;

/// <summary>The overdue check's runs, newest first.</summary>
public sealed record ListJobRuns(int? Limit) : IQuery<IReadOnlyList<OverdueCheckRun>>
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;
}

/// <summary>One run with its first failures (by id); not found is a 404.</summary>
public sealed record GetJobRun(Guid Id) : IQuery<JobRunDetails>
{
    public const int MaxFailuresShown = 100;
}

public sealed record JobRunDetails(OverdueCheckRun Run, IReadOnlyList<OverdueCheckFailure> Failures);

public sealed class ListJobRunsHandler(RuleSuspensionDb db) : IQueryHandler<ListJobRuns, IReadOnlyList<OverdueCheckRun>>
{
    public async ValueTask<IReadOnlyList<OverdueCheckRun>> Handle(ListJobRuns query, CancellationToken cancellationToken)
        => await db.OverdueCheckRuns.AsNoTracking().OrderByDescending(r => r.CreatedAt)
            .Take(Math.Clamp(query.Limit ?? ListJobRuns.DefaultLimit, 1, ListJobRuns.MaxLimit)).ToListAsync(cancellationToken);
}

public sealed class GetJobRunHandler(RuleSuspensionDb db) : IQueryHandler<GetJobRun, JobRunDetails>
{
    public async ValueTask<JobRunDetails> Handle(GetJobRun query, CancellationToken cancellationToken)
    {
        var run = await db.OverdueCheckRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == query.Id, cancellationToken)
            ?? throw DomainException.NotFound("Job run", query.Id.ToString());
        var failures = await db.OverdueCheckFailures.AsNoTracking().Where(f => f.RunId == query.Id).OrderBy(f => f.Id)
            .Take(GetJobRun.MaxFailuresShown).ToListAsync(cancellationToken);
        return new JobRunDetails(run, failures);
    }
}

/// <summary>The scheduler's jobs with their next and previous fire times.</summary>
public sealed record ListJobs : IQuery<IReadOnlyList<ScheduledJob>>;

public sealed class ListJobsHandler(IOverdueCheckScheduler scheduler) : IQueryHandler<ListJobs, IReadOnlyList<ScheduledJob>>
{
    public async ValueTask<IReadOnlyList<ScheduledJob>> Handle(ListJobs query, CancellationToken cancellationToken)
        => await scheduler.ListAsync(cancellationToken);
}
