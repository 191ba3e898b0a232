using System.Diagnostics;

namespace RuleSuspension.Load;

/// <summary>
/// Open loop at a fixed rate: one event is due every 1/rate s whatever the answers do. Each slot goes to a story
/// drawn at random from a pool of customers in progress, so customers interleave; a customer's events stay in order
/// (each waits for the answer to the previous one, as a host's outbox does). When the time is up no new customer
/// starts and the pool drains at the same rate, so every story is complete and its end state can be checked.
/// </summary>
internal sealed class OpenLoopTraffic(EventSender sender, StoryCatalogue catalogue, int customersInProgress, int seed)
{
    /// <summary>Plays the stories; <paramref name="alongside"/> (the kill -9) runs during the phase, awaited at its end.</summary>
    public async Task<IReadOnlyList<Story>> RunAsync(int rate, TimeSpan duration, LatencyRecorder recorder, Func<Task>? alongside = null)
    {
        var random = new Random(seed);
        var stories = new List<Story>();
        var pool = new List<Progress>();
        var sends = new List<Task>();
        var clock = Stopwatch.StartNew();
        var side = alongside?.Invoke() ?? Task.CompletedTask;
        for (var slot = 0L; ; slot++)
        {
            var due = TimeSpan.FromSeconds((double)slot / rate);
            var starting = due < duration;
            while (starting && pool.Count < customersInProgress)
            {
                var story = catalogue.Next();
                stories.Add(story);
                pool.Add(new Progress(story));
            }

            if (pool.Count == 0)
            {
                break;
            }

            var index = random.Next(pool.Count);
            var progress = pool[index];
            var next = progress.Story.Events[progress.Sent++];
            if (progress.Sent == progress.Story.Events.Count)
            {
                pool[index] = pool[^1];
                pool.RemoveAt(pool.Count - 1);
            }

            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            progress.Previous = SendAfterAsync(progress.Previous, next, recorder, clock, due);
            sends.Add(progress.Previous);
        }

        await Task.WhenAll(sends);
        await side;
        return stories;
    }

    private async Task SendAfterAsync(Task previous, TrafficEvent e, LatencyRecorder recorder, Stopwatch clock, TimeSpan due)
    {
        await previous;
        await sender.SendAsync(e, recorder, clock, due);
    }

    private sealed class Progress(Story story)
    {
        public Story Story { get; } = story;

        public int Sent { get; set; }

        public Task Previous { get; set; } = Task.CompletedTask;
    }
}
