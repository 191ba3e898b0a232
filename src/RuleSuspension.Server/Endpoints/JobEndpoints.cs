using System.Globalization;
using Mediator;
using RuleSuspension.Application;
using RuleSuspension.Application.Jobs;
using RuleSuspension.Domain.Common;
using RuleSuspension.Server.Contracts;
using RuleSuspension.Server.Security;

namespace RuleSuspension.Server.Endpoints;

internal static class JobEndpoints
{
    public static void MapJobs(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/api/jobs").WithTags("Jobs");

        jobs.MapGet("/", async (ISender sender, CancellationToken ct)
            => (await sender.Send(new ListJobs(), ct)).Select(JobResponse.From))
            .RequireAuthorization(AccessPolicies.ReadJobs);

        jobs.MapPost("/overdue-check/run", async (OverdueCheckRequest? request, HttpContext http, ISender sender, CancellationToken ct) =>
        {
            var (date, instant) = ParseAsOf(request?.AsOf);
            var run = await sender.Send(new QueueOverdueCheck(date, instant, http.User.ToActor()), ct);
            var location = $"/api/jobs/runs/{run.Id}";
            return Results.Accepted(location, new JobRunAccepted(run.Id, JobRunResponse.Wire(run.Status), location));
        }).RequireAuthorization(AccessPolicies.RunJobs);

        jobs.MapGet("/runs", async (int? limit, ISender sender, CancellationToken ct)
            => (await sender.Send(new ListJobRuns(limit), ct)).Select(r => JobRunResponse.From(r, [])))
            .RequireAuthorization(AccessPolicies.ReadJobs);

        jobs.MapGet("/runs/{id:guid}", async (Guid id, ISender sender, CancellationToken ct) =>
        {
            var (run, failures) = await sender.Send(new GetJobRun(id), ct);
            return JobRunResponse.From(run, failures.Select(f => new JobRunFailure(f.CustomerId, f.Error, f.At, f.WorkflowInstanceId)).ToList());
        }).RequireAuthorization(AccessPolicies.ReadJobs);
    }

    private static (DateOnly? Date, DateTimeOffset? Instant) ParseAsOf(string? asOf)
    {
        if (string.IsNullOrWhiteSpace(asOf))
        {
            return (null, null);
        }

        if (DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (date, null);
        }

        if (DateTimeOffset.TryParse(asOf, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return (null, instant.ToUniversalTime());
        }

        var errors = new ValidationErrors();
        errors.Add("asOf", "must be a date (2026-03-01) or an instant (2026-03-01T02:00:00Z).");
        errors.ThrowIfAny();
        return (null, null);
    }
}
