using RuleSuspension.Domain.Outbox;
using RuleSuspension.Persistence.Outbox;

namespace RuleSuspension.Persistence.Tests;

/// <summary>The outbox claim of every database (<see cref="IDatabaseDialect.ClaimOutboxAsync"/>): one query over the delivery rows.</summary>
public sealed class OutboxClaimSpecs : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    // A database per spec: a claim sees every row, so specs sharing one would take each other's.
    private readonly DatabaseFixture _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task A_claim_takes_only_its_channels_deliveries_oldest_message_first()
    {
        var (warned, task, suspended) = (Message("customer.warned", 2), Message("task.created", 1), Message("customer.suspended", 0));
        await StoreAsync(warned, task, suspended);

        var email = await ClaimAsync(OutboxChannel.Email);
        var webhook = await ClaimAsync(OutboxChannel.Webhook);

        Assert.Equal([suspended.Id, warned.Id], email.Select(d => d.MessageId));
        Assert.Equal([suspended.Id, task.Id, warned.Id], webhook.Select(d => d.MessageId));
        Assert.All(webhook, d => Assert.Equal(d.MessageId, d.Message.Id));
    }

    [Fact]
    public async Task A_claimed_delivery_is_not_taken_again_until_its_claim_runs_out()
    {
        var message = Message("task.created", 0);
        await StoreAsync(message);
        await ClaimAsync(OutboxChannel.Webhook, Now, claimFor: TimeSpan.FromMinutes(1));

        var meanwhile = await ClaimAsync(OutboxChannel.Webhook, Now.AddSeconds(30));
        var afterwards = await ClaimAsync(OutboxChannel.Webhook, Now.AddMinutes(2));

        Assert.Empty(meanwhile);
        Assert.Equal([message.Id], afterwards.Select(d => d.MessageId));
    }

    [Fact]
    public async Task Delivered_skipped_and_given_up_deliveries_are_not_taken()
    {
        var (delivered, skipped, failed, retried) = (Message("task.created", 0), Message("task.created", 1), Message("task.created", 2), Message("task.created", 3));
        delivered.DeliveryOn(OutboxChannel.Webhook)!.Succeeded(Now);
        skipped.DeliveryOn(OutboxChannel.Webhook)!.Skip(Now);
        failed.DeliveryOn(OutboxChannel.Webhook)!.Failed(Now, "HTTP 500", Now, maxAttempts: 1);
        retried.DeliveryOn(OutboxChannel.Webhook)!.Failed(Now, "HTTP 500", Now, maxAttempts: 2);
        await StoreAsync(delivered, skipped, failed, retried);

        var claimed = await ClaimAsync(OutboxChannel.Webhook, Now.AddSeconds(1));

        Assert.Equal([retried.Id], claimed.Select(d => d.MessageId));
        Assert.Equal(DeliveryStatus.Failed, failed.DeliveryOn(OutboxChannel.Webhook)!.Status);
    }

    [Fact]
    public async Task Two_senders_claiming_at_once_never_take_the_same_delivery()
    {
        var messages = Enumerable.Range(0, 40).Select(i => Message("task.created", i)).ToArray();
        await StoreAsync(messages);

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => ClaimAsync(OutboxChannel.Webhook, batchSize: 15))));

        var taken = claims.SelectMany(c => c.Select(d => d.MessageId)).ToList();
        Assert.Equal(taken.Count, taken.Distinct().Count());
        Assert.Equal(messages.Length, taken.Count);
    }

    private static OutboxMessage Message(string type, int minutesAfter)
        => new(Guid.NewGuid(), type, "c-" + Guid.NewGuid().ToString("N")[..8], "{}", Now.AddMinutes(minutesAfter - 60));

    private async Task StoreAsync(params OutboxMessage[] messages)
    {
        await using var db = _database.Context();
        db.Outbox.AddRange(messages);
        await db.SaveChangesAsync();
    }

    private async Task<List<OutboxDelivery>> ClaimAsync(OutboxChannel channel, DateTimeOffset? at = null, TimeSpan? claimFor = null, int batchSize = 50)
    {
        var now = at ?? Now;
        await using var db = _database.Context();
        return await db.Dialect.ClaimOutboxAsync(db, new OutboxDue(channel, now, now + (claimFor ?? TimeSpan.FromMinutes(5)), batchSize), default);
    }
}
