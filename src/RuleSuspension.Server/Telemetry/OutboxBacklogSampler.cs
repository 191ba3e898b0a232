using RuleSuspension.Infrastructure.Outbox;
using RuleSuspension.Persistence.Telemetry;

namespace RuleSuspension.Server.Telemetry;

/// <summary>Samples the backlog for the <c>rulesuspension.outbox.backlog</c> gauge, off the scrape's path.</summary>
internal sealed class OutboxBacklogSampler(OutboxBacklog backlog, TelemetrySettings settings, ILogger<OutboxBacklogSampler> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.BacklogInterval);
        do
        {
            try
            {
                var count = await backlog.CountAsync(stoppingToken);
                ServiceMetrics.OutboxBacklog(count.Webhook, count.Email);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be starting or away; the next tick tries again (and /health says so meanwhile).
                log.LogDebug(e, "The outbox backlog could not be sampled.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
