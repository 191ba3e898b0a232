using RuleSuspension.Persistence.Locking;

namespace RuleSuspension.Persistence.Tests;

/// <summary>
/// Customers' turns in one process (the customer lock on a database with one writer): one at a time per customer, and
/// an entry only while someone holds or waits for it.
/// </summary>
public class CustomerTurnsSpecs
{
    private readonly CustomerTurns turns = new();

    [Fact]
    public async Task A_customers_second_turn_begins_only_when_the_first_ends()
    {
        var first = await turns.TakeAsync(["c-1"], default);

        var second = turns.TakeAsync(["c-1"], default);
        var waitedWhileTheFirstWasHeld = !second.IsCompleted;
        first.Dispose();
        (await second).Dispose();

        Assert.True(waitedWhileTheFirstWasHeld);
    }

    [Fact]
    public async Task Another_customers_turn_does_not_wait()
    {
        using var first = await turns.TakeAsync(["c-1"], default);

        var other = turns.TakeAsync(["c-2"], default);

        Assert.True(other.IsCompletedSuccessfully);
        (await other).Dispose();
    }

    [Fact]
    public async Task A_customers_entry_is_removed_when_its_last_turn_ends()
    {
        var first = await turns.TakeAsync(["c-1", "c-2"], default);
        var waiter = turns.TakeAsync(["c-1"], default);
        var inFlightWhileHeld = turns.InFlight;

        first.Dispose();
        (await waiter).Dispose();

        Assert.Equal(2, inFlightWhileHeld);
        Assert.Equal(0, turns.InFlight);
    }

    [Fact]
    public async Task A_waiter_that_gives_up_leaves_no_entry_and_takes_no_turn()
    {
        var first = await turns.TakeAsync(["c-1"], default);
        using var giveUp = new CancellationTokenSource();
        var waiter = turns.TakeAsync(["c-0", "c-1"], giveUp.Token);

        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiter);
        first.Dispose();

        // c-0, taken before the wait for c-1, was given back too.
        Assert.Equal(0, turns.InFlight);
        (await turns.TakeAsync(["c-0"], default)).Dispose();
    }
}
