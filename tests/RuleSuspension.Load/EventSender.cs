using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace RuleSuspension.Load;

/// <summary>
/// Posts one event the way a host's outbox would: a refused connection, a timeout or a 5xx is resent under the same
/// id after a short pause (so is a 409 <c>concurrent-change</c>, which asks for it), until the resend deadline; any other refusal is an error. Latency runs from the moment
/// the event was due, so queueing, waiting for the customer's previous event and resends all show.
/// </summary>
internal sealed class EventSender(HttpClient client, TimeSpan resendFor)
{
    private static readonly TimeSpan ResendPause = TimeSpan.FromMilliseconds(250);
    private int _resends;
    private int _refusals;
    private int _givenUp;
    private int _conflicts;

    public int Resends => Volatile.Read(ref _resends);

    /// <summary>4xx answers, not resent (the first few are printed): traffic the server should have taken.</summary>
    public int Refusals => Volatile.Read(ref _refusals);

    /// <summary>409 concurrent-change answers (resent): the server's optimistic concurrency met another change of the customer.</summary>
    public int Conflicts => Volatile.Read(ref _conflicts);

    /// <summary>Events still failing when their resend deadline passed.</summary>
    public int GivenUp => Volatile.Read(ref _givenUp);

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
                if (response.StatusCode == HttpStatusCode.Conflict && (await response.Content.ReadAsStringAsync()).Contains("\"concurrent-change\"", StringComparison.Ordinal))
                {
                    // The server asks for this one to be sent again: another change to the customer won the race.
                    Interlocked.Increment(ref _conflicts);
                }
                else if ((int)response.StatusCode < 500)
                {
                    if (Interlocked.Increment(ref _refusals) <= 5)
                    {
                        Console.Error.WriteLine($"refused {e.Type} {e.Id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    }

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
                if (Interlocked.Increment(ref _givenUp) <= 5)
                {
                    Console.Error.WriteLine($"gave up on {e.Type} {e.Id} (last answer {status?.ToString() ?? "none"})");
                }

                return;
            }

            Interlocked.Increment(ref _resends);
            await Task.Delay(ResendPause);
        }
    }
}
