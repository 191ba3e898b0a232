using System.Diagnostics;

namespace RuleSuspension.Load;

/// <summary>Saturation: a number of senders, each playing whole stories one event after the other, as fast as the server answers.</summary>
internal sealed class ClosedLoopTraffic(EventSender sender, StoryCatalogue catalogue)
{
    public async Task<(IReadOnlyList<Story> Stories, TimeSpan Elapsed)> RunAsync(int senders, int events, LatencyRecorder recorder)
    {
        var stories = new List<Story>();
        var remaining = events;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, senders).Select(async _ =>
        {
            while (true)
            {
                Story story;
                lock (stories)
                {
                    if (remaining <= 0)
                    {
                        return;
                    }

                    story = catalogue.Next();
                    stories.Add(story);
                    remaining -= story.Events.Count;
                }

                foreach (var e in story.Events)
                {
                    await sender.SendAsync(e, recorder, clock, clock.Elapsed);
                }
            }
        }));
        return (stories, clock.Elapsed);
    }
}
