using System.Diagnostics;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RuleSuspension.Application.RuleSets;
using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Jobs;
using RuleSuspension.Persistence;
using RuleSuspension.Persistence.Telemetry;

namespace RuleSuspension.Application.Jobs;

/// <summary>Runs a recorded overdue check on this node (<paramref name="Node"/> names it in the run record).</summary>
public sealed record RunOverdueCheck(Guid RunId, string Node) : ICommand<OverdueCheckRun>;

/// <summary>
/// Records the run of a scheduled firing unless it exists, and answers its id. The id derives from the fire time, so
/// two nodes (or a recovered firing) that reach this for the same fire time share one run.
/// </summary>
public sealed record RecordScheduledOverdueCheck(DateTimeOffset ScheduledFor) : ICommand<Guid>;

/// <summary>Records a manual run to be run here and now (the demo's), and answers its id.</summary>
public sealed record RecordManualOverdueCheck(Actor By) : ICommand<Guid>;

/// <summary>
/// The overdue-invoice check: streams the candidates of one set-based query in batches, checks each batch in one
/// transaction (<see cref="CheckOverdueBatch"/>, sent through the mediator in a scope of its own), and writes the
/// run's counts after every batch with a progress line (counts and rate). A customer that fails is recorded and the
/// run goes on; only a failure of the run itself (e.g. the database gone) fails the run. Running the same run again
/// (a recovered firing) is harmless: suspended customers are no longer candidates and warned invoices are not warned
/// again.
/// </summary>
public sealed class RunOverdueCheckHandler(
    IServiceScopeFactory scopes,
    OverdueCheckOptions options,
    TimeProvider clock,
    ILogger<RunOverdueCheckHandler> logger) : ICommandHandler<RunOverdueCheck, OverdueCheckRun>, ICommandHandler<RecordScheduledOverdueCheck, Guid>,
    ICommandHandler<RecordManualOverdueCheck, Guid>
{
    public async ValueTask<Guid> Handle(RecordManualOverdueCheck command, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RuleSuspensionDb>();
        var now = clock.GetUtcNow();
        var run = new OverdueCheckRun(Guid.NewGuid(), "manual", command.By.ToString(), now, null, null, now);
        db.OverdueCheckRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return run.Id;
    }

    public async ValueTask<Guid> Handle(RecordScheduledOverdueCheck command, CancellationToken cancellationToken)
    {
        var scheduledFor = command.ScheduledFor;
        var id = ScheduledRunId(scheduledFor);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RuleSuspensionDb>();
        if (await db.OverdueCheckRuns.AnyAsync(r => r.Id == id, cancellationToken))
        {
            return id;
        }

        var now = clock.GetUtcNow();
        db.OverdueCheckRuns.Add(new OverdueCheckRun(id, "schedule", "scheduler", now, null, scheduledFor, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Recorded by another node a moment ago it is the same run; anything else is a real failure.
            if (!await ExistsAsync(id, cancellationToken))
            {
                throw;
            }
        }

        return id;
    }

    /// <summary>The run id of a scheduled fire time.</summary>
    public static Guid ScheduledRunId(DateTimeOffset scheduledFor) => CheckOverdueBatchHandler.StableId(Guid.Empty, scheduledFor.ToUniversalTime().ToString("O"), "overdue-check");

    public async ValueTask<OverdueCheckRun> Handle(RunOverdueCheck command, CancellationToken cancellationToken)
    {
        var run = await UpdateAsync(command.RunId, r => r.Start(command.Node, clock.GetUtcNow()), cancellationToken);
        if (run.IsFinished)
        {
            logger.LogInformation("Overdue check {RunId} already finished ({Status}); not run again", run.Id, run.Status);
            return run;
        }

        var checkClock = new CheckClock(run.AsOf, run.AsOfDate);
        logger.LogInformation("Overdue check {RunId} started on {Node} ({Trigger}), as of {AsOf}", run.Id, command.Node, run.Trigger, (object?)run.AsOfDate ?? run.AsOf);
        var watch = Stopwatch.StartNew();
        int @checked = 0, warned = 0, suspended = 0, failed = 0;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var context = await OverdueRun.LoadAsync(services.GetRequiredService<RuleSuspensionDb>(), services.GetRequiredService<RuleSetCatalog>(), options, run.Id, checkClock, cancellationToken);
            logger.LogInformation("Overdue check {RunId} acts through {Path}", run.Id, context.Workflow is { } workflow ? $"the '{workflow}' workflow" : "the rule set directly (the workflow is not published)");

            // The candidates' query reads on a context of its own while the batches write through theirs.
            await using var readerScope = scopes.CreateAsyncScope();
            var reader = readerScope.ServiceProvider.GetRequiredService<RuleSuspensionDb>();
            var candidates = OverdueCandidates.StreamAsync(reader, checkClock, Math.Max(1, options.BatchSize), cancellationToken);

            // Batches hold disjoint customers, so several can be checked at once where the database takes several
            // writers; the run's counts are added up one batch at a time.
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.BatchesAtOnce(reader.Dialect), CancellationToken = cancellationToken };
            using var progress = new SemaphoreSlim(1, 1);
            await Parallel.ForEachAsync(candidates, parallel, async (ids, ct) =>
            {
                var outcome = await CheckAsync(context, ids, ct);
                await progress.WaitAsync(ct);
                try
                {
                    (@checked, warned, suspended, failed) = (@checked + outcome.Checked, warned + outcome.Warned, suspended + outcome.Suspended, failed + outcome.Failures.Count);
                    await RecordAsync(run.Id, outcome, ct);
                    foreach (var failure in outcome.Failures)
                    {
                        logger.LogWarning("Overdue check {RunId}: customer {CustomerId} failed: {Error}", run.Id, failure.CustomerId, failure.Error);
                    }

                    logger.LogInformation(
                        "Overdue check {RunId}: {Checked} customers checked, {Warned} warned, {Suspended} suspended, {Failed} failed, {Rate:F0} customers/s",
                        run.Id, @checked, warned, suspended, failed, @checked / Math.Max(watch.Elapsed.TotalSeconds, 0.001));
                }
                finally
                {
                    progress.Release();
                }
            });

            run = await UpdateAsync(run.Id, r => r.Finish(clock.GetUtcNow()), cancellationToken);
            logger.LogInformation(
                "Overdue check {RunId} {Status} in {Seconds:F1} s: {Checked} checked, {Warned} warned, {Suspended} suspended, {Failed} failed",
                run.Id, run.Status, watch.Elapsed.TotalSeconds, run.Checked, run.Warned, run.Suspended, run.Failed);
            ServiceMetrics.OverdueCheckFinished(run.Failed == 0 ? "succeeded" : "completed-with-failures", watch.Elapsed);
            return run;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Overdue check {RunId} failed after {Seconds:F1} s", run.Id, watch.Elapsed.TotalSeconds);
            ServiceMetrics.OverdueCheckFinished("failed", watch.Elapsed);
            return await UpdateAsync(run.Id, r => r.Fail(e.Message, clock.GetUtcNow()), CancellationToken.None);
        }
    }

    /// <summary>
    /// Checks a batch in one transaction. When it fails (and commits nothing), its customers are checked one at a time,
    /// so that one bad customer costs only itself.
    /// </summary>
    private async Task<BatchOutcome> CheckAsync(OverdueRun run, IReadOnlyList<string> customerIds, CancellationToken cancellationToken)
    {
        try
        {
            return await SendAsync(new CheckOverdueBatch(run, customerIds), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException && customerIds.Count > 1)
        {
            logger.LogWarning(e, "Overdue check {RunId}: a batch of {Count} customers failed to commit; retrying them one by one", run.RunId, customerIds.Count);
        }

        var outcomes = new List<BatchOutcome>(customerIds.Count);
        foreach (var id in customerIds)
        {
            try
            {
                outcomes.Add(await SendAsync(new CheckOverdueBatch(run, [id]), cancellationToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                outcomes.Add(new BatchOutcome(1, 0, 0, [new CustomerFailure(id, CheckOverdueBatchHandler.Describe(e))]));
            }
        }

        return BatchOutcome.Sum(outcomes);
    }

    /// <summary>Each batch is a unit of work of its own: a fresh scope, so a fresh context.</summary>
    private async Task<BatchOutcome> SendAsync(CheckOverdueBatch batch, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(batch, cancellationToken);
    }

    private async Task RecordAsync(Guid runId, BatchOutcome outcome, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RuleSuspensionDb>();
        var run = await db.OverdueCheckRuns.FirstAsync(r => r.Id == runId, cancellationToken);
        run.Count(outcome.Checked, outcome.Warned, outcome.Suspended, outcome.Failures.Count);
        var now = clock.GetUtcNow();
        db.OverdueCheckFailures.AddRange(outcome.Failures.Select(f => new OverdueCheckFailure(runId, f.CustomerId, f.Error, now, f.WorkflowInstanceId)));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<OverdueCheckRun> UpdateAsync(Guid runId, Action<OverdueCheckRun> change, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RuleSuspensionDb>();
        var run = await db.OverdueCheckRuns.FirstOrDefaultAsync(r => r.Id == runId, cancellationToken)
            ?? throw new InvalidOperationException($"Overdue check run {runId} is not recorded.");
        if (!run.IsFinished)
        {
            change(run);
            await db.SaveChangesAsync(cancellationToken);
        }

        return run;
    }

    private async Task<bool> ExistsAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RuleSuspensionDb>().OverdueCheckRuns.AnyAsync(r => r.Id == runId, cancellationToken);
    }
}
