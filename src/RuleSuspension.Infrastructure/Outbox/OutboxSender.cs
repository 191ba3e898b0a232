namespace RuleSuspension.Infrastructure.Outbox;

/// <summary>
/// The one sender loop: every configured channel is polled every <see cref="OutboxDeliverySettings.PollInterval"/> of
/// its own, on the injected <see cref="TimeProvider"/> (so tests advance time rather than wait).
/// </summary>
internal sealed class OutboxSender(IEnumerable<IOutboxChannel> channels, IServiceScopeFactory scopes, TimeProvider clock, ILogger<OutboxSender> log)
    : BackgroundService
{
    private int _roundsDone;

    /// <summary>
    /// Polls finished, of every channel (the one at start included): a spec that advances the clock waits for these
    /// rather than guessing whether a tick is still pending.
    /// </summary>
    internal int RoundsDone => Volatile.Read(ref _roundsDone);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
        => Task.WhenAll(channels.Where(c => c.Announce()).Select(c => PollAsync(c, stoppingToken)));

    private async Task PollAsync(IOutboxChannel channel, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(channel.Settings.PollInterval, clock);
        try
        {
            do
            {
                await DeliverAllDueAsync(channel, stoppingToken);
                Interlocked.Increment(ref _roundsDone);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task DeliverAllDueAsync(IOutboxChannel channel, CancellationToken stoppingToken)
    {
        try
        {
            // A full batch means more may be due: keep going rather than wait a whole interval per batch.
            int taken;
            do
            {
                await using var scope = scopes.CreateAsyncScope();
                taken = await scope.ServiceProvider.GetRequiredService<OutboxRound>().DeliverDueAsync(channel, stoppingToken);
            }
            while (taken == channel.Settings.BatchSize && !stoppingToken.IsCancellationRequested);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // The database may be briefly away; the next tick tries again and the outbox loses nothing.
            log.LogWarning(e, "{Channel}: a delivery round failed; retrying at the next poll.", channel.Channel);
        }
    }
}
