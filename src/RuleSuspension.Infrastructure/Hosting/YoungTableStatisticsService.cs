using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RuleSuspension.Persistence;
using RuleSuspension.Persistence.Statistics;

namespace RuleSuspension.Infrastructure.Hosting;

/// <summary>
/// Where the database needs it (PostgreSQL), analyses the tables that grew since their statistics every couple of seconds, so that a freshly
/// deployed database does not run its first minutes on plans made for empty tables (see <see cref="YoungTableStatistics"/>).
/// Starts after the migrations (it is registered after <see cref="DatabaseInitializer"/>).
/// </summary>
internal sealed class YoungTableStatisticsService(IServiceScopeFactory scopes, ILogger<YoungTableStatisticsService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using (var first = scopes.CreateAsyncScope())
        {
            // The database in use says whether it needs this at all (only PostgreSQL does).
            if (!first.ServiceProvider.GetRequiredService<RuleSuspensionDb>().Dialect.AnalysesYoungTables)
            {
                return;
            }
        }

        using var timer = new PeriodicTimer(YoungTableStatistics.Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var analysed = await YoungTableStatistics.AnalyseGrownTablesAsync(scope.ServiceProvider.GetRequiredService<RuleSuspensionDb>(), stoppingToken);
                if (analysed.Count > 0)
                {
                    logger.LogDebug("Analysed the grown tables {Tables}", analysed);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Statistics are an optimisation: a failed round (the database restarting, say) is tried again next tick.
                logger.LogWarning(e, "Analysing the grown tables failed; trying again in {Interval}", YoungTableStatistics.Interval);
            }
        }
    }
}
