namespace RuleSuspension.Server.Outbox;

/// <summary>Every <see cref="OutboxDeliverySettings.PollInterval"/>, delivers what the outbox holds on one channel.</summary>
internal abstract class OutboxSender<TDelivery>(IServiceScopeFactory scopes) : BackgroundService
    where TDelivery : OutboxDelivery
{
    protected abstract OutboxDeliverySettings Settings { get; }

    protected abstract ILogger Log { get; }

    /// <summary>Says at start whether the channel is configured (and logs it once); false means nothing runs.</summary>
    protected abstract bool Announce();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Announce())
        {
            return;
        }

        using var timer = new PeriodicTimer(Settings.PollInterval);
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
                taken = await scope.ServiceProvider.GetRequiredService<TDelivery>().DeliverDueAsync(stoppingToken);
            }
            while (taken == Settings.BatchSize && !stoppingToken.IsCancellationRequested);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // The database may be briefly away; the next tick tries again and the outbox loses nothing.
            Log.LogWarning(e, "{Delivery}: a delivery round failed; retrying at the next poll.", typeof(TDelivery).Name);
        }
    }
}
