using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace RuleSuspension.Load;

/// <summary>
/// Posts one event the way a host's outbox would: a refused connection, a timeout or a 5xx is resent under the same
/// id after a short pause, until the resend deadline; any other refusal is an error. Latency runs from the moment
/// the event was due, so queueing, waiting for the customer's previous event and resends all show.
/// </summary>
internal sealed class EventSender(HttpClient client, TimeSpan resendFor)
{
    private static readonly TimeSpan ResendPause = TimeSpan.FromMilliseconds(250);
    private int _resends;
    private int _refusals;

    public int Resends => Volatile.Read(ref _resends);

    /// <summary>Answers other than 2xx that were not resent (the first few are printed).</summary>
    public int Refusals => Volatile.Read(ref _refusals);

    public async Task SendAsync(TrafficEvent e, LatencyRecorder recorder, Stopwatch clock, TimeSpan due)
    {
        var body = new { id = e.Id, type = e.Type, occurredAt = e.OccurredAt, customerId = e.CustomerId, data = e.Data };
        var giveUpAt = clock.Elapsed + resendFor;
        while (true)
        {
            HttpStatusCode? status = null;
            try
            {
                using var response = await client.PostAsJsonAsync("/api/events", body);
                if (response.IsSuccessStatusCode)
                {
                    recorder.Record(e.Type, due, (clock.Elapsed - due).TotalMilliseconds);
                    return;
                }

                status = response.StatusCode;
                if ((int)response.StatusCode < 500)
                {
                    if (Interlocked.Increment(ref _refusals) <= 5)
                    {
                        Console.Error.WriteLine($"refused {e.Type} {e.Id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    }

                    recorder.Error();
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // The server is down or restarting: resend.
            }
            catch (TaskCanceledException)
            {
                // Timed out: the event may or may not have been stored; the same id makes the resend safe.
            }

            if (clock.Elapsed > giveUpAt)
            {
                Console.Error.WriteLine($"gave up on {e.Type} {e.Id} (last answer {status?.ToString() ?? "none"})");
                recorder.Error();
                return;
            }

            Interlocked.Increment(ref _resends);
            await Task.Delay(ResendPause);
        }
    }
}
