namespace RuleSuspension.Server.Webhooks;

/// <summary>Every <see cref="WebhookSettings.PollInterval"/>, delivers what the outbox holds (nothing runs without endpoints).</summary>
internal sealed class WebhookSender(IServiceScopeFactory scopes, WebhookSettings settings, ILogger<WebhookSender> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.Endpoints.Count == 0)
        {
            log.LogInformation("Webhooks: no endpoints configured; outbox messages are kept undelivered.");
            return;
        }

        log.LogInformation("Webhooks: {Count} endpoint(s) configured, polling every {PollInterval}.", settings.Endpoints.Count, settings.PollInterval);
        using var timer = new PeriodicTimer(settings.PollInterval);
        try
        {
            do
            {
                await DeliverAllDueAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task DeliverAllDueAsync(CancellationToken stoppingToken)
    {
        try
        {
            // A full batch means more may be due: keep going rather than wait a whole interval per batch.
            int taken;
            do
            {
                await using var scope = scopes.CreateAsyncScope();
                taken = await scope.ServiceProvider.GetRequiredService<WebhookDelivery>().DeliverDueAsync(stoppingToken);
            }
            while (taken == settings.BatchSize && !stoppingToken.IsCancellationRequested);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // The database may be briefly away; the next tick tries again and the outbox loses nothing.
            log.LogWarning(e, "Webhooks: a delivery round failed; retrying at the next poll.");
        }
    }
}
