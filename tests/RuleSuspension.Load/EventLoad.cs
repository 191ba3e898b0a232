using System.Diagnostics;
using System.Net.Http.Json;

namespace RuleSuspension.Load;

/// <summary>
/// Sends sign-up events of unverified customers (each starts the signup workflow, which suspends) and measures
/// latency from the moment each request was due, so that a server falling behind shows in the figures.
/// </summary>
internal sealed class EventLoad(HttpClient client, string run)
{
    private int _sequence;

    /// <summary>Open loop: requests go out at <paramref name="rate"/> per second whatever the answers do.</summary>
    public async Task<LatencySummary> SteadyAsync(int rate, int seconds)
    {
        var total = rate * seconds;
        var recorder = new LatencyRecorder(total);
        var clock = Stopwatch.StartNew();
        var inFlight = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            inFlight.Add(SendAsync(recorder, clock, due));
        }

        await Task.WhenAll(inFlight);
        return recorder.Summarise(Math.Max(clock.Elapsed.TotalSeconds, seconds));
    }

    /// <summary>Closed loop: <paramref name="concurrency"/> senders as fast as the server answers.</summary>
    public async Task<LatencySummary> SaturateAsync(int concurrency, int events)
    {
        var recorder = new LatencyRecorder(events);
        var remaining = events;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                await SendAsync(recorder, clock, clock.Elapsed);
            }
        }));
        return recorder.Summarise(clock.Elapsed.TotalSeconds);
    }

    /// <summary>Closed loop for a while, results ignored: the warm-up.</summary>
    public async Task SaturateForAsync(int concurrency, TimeSpan duration)
    {
        var recorder = new LatencyRecorder(1);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                await SendAsync(recorder, clock, clock.Elapsed);
            }
        }));
    }

    public int Sent => Volatile.Read(ref _sequence);

    private async Task SendAsync(LatencyRecorder recorder, Stopwatch clock, TimeSpan due)
    {
        var n = Interlocked.Increment(ref _sequence);
        var customerId = $"load-{run}-{n}";
        try
        {
            using var response = await client.PostAsJsonAsync("/api/events", new
            {
                id = $"evt-{customerId}",
                type = "customer.signed-up",
                occurredAt = DateTimeOffset.UtcNow,
                customerId,
                data = new { customer = new { name = "Load " + n, email = $"{customerId}@load.test", tenantId = "t-load", planId = "starter", identityVerified = false } },
            });
            if (response.IsSuccessStatusCode)
            {
                recorder.Record((clock.Elapsed - due).TotalMilliseconds, due);
            }
            else
            {
                recorder.Error();
            }
        }
        catch (HttpRequestException)
        {
            recorder.Error();
        }
    }
}
