using Mediator;
using Quartz;
using RuleSuspension.Application.Health;
using RuleSuspension.Infrastructure.Outbox;
using RuleSuspension.Server.Telemetry;

namespace RuleSuspension.Server.Endpoints;

internal static class HealthEndpoints
{
    /// <summary>
    /// For load balancers, orchestrators and compose health checks, without a key:
    /// <c>/health/live</c> is 200 while the process serves requests (restart it when not);
    /// <c>/health/ready</c> is 200 when the database answers and the scheduler runs (send it traffic), else 503;
    /// <c>/health</c> is as before (healthy and 200 when the database answers, else 503), with the same report.
    /// Each reports the database, the scheduler and the outbox backlog separately.
    /// </summary>
    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (ISender sender, ISchedulerFactory schedulers, OutboxBacklog backlog, CancellationToken ct) =>
        {
            // As before: healthy when the database answers (the scheduler and the outbox are reported beside it).
            var report = await ReportAsync(sender, schedulers, backlog, ct);
            var up = report.Database == "up";
            return Results.Json(report with { Status = up ? "healthy" : "unhealthy" }, statusCode: up ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous().WithTags("Health");

        app.MapGet("/health/ready", async (ISender sender, ISchedulerFactory schedulers, OutboxBacklog backlog, CancellationToken ct) =>
        {
            var report = await ReportAsync(sender, schedulers, backlog, ct);
            return Results.Json(report, statusCode: report.Status == "healthy" ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous().WithTags("Health");

        app.MapGet("/health/live", () => Results.Ok(new { status = "live" })).AllowAnonymous().WithTags("Health");
    }

    private static async Task<HealthReport> ReportAsync(ISender sender, ISchedulerFactory schedulers, OutboxBacklog backlog, CancellationToken ct)
    {
        var database = await sender.Send(new CheckDatabase(), ct);
        var scheduler = await SchedulerStateAsync(schedulers, ct);
        var outbox = database.Up ? await backlog.CountAsync(ct) : null;
        var healthy = database.Up && scheduler == "running";
        return new HealthReport(healthy ? "healthy" : "unhealthy", database.Up ? "up" : "down", database.Provider, scheduler, outbox);
    }

    /// <summary><c>running</c>, <c>standby</c> (not started yet, or paused), or <c>stopped</c>.</summary>
    private static async Task<string> SchedulerStateAsync(ISchedulerFactory schedulers, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        return await scheduler.GetStatus(ct) switch
        {
            SchedulerStatus.Running => "running",
            SchedulerStatus.Created or SchedulerStatus.Standby => "standby",
            _ => "stopped",
        };
    }
}

/// <summary>What the health routes say; <c>Status</c> is the readiness (all parts up); <c>Outbox</c> is null when the database is down.</summary>
internal sealed record HealthReport(string Status, string Database, string? Provider, string Scheduler, OutboxBacklogCount? Outbox);
