using RuleSuspension.Domain.Outbox;

namespace RuleSuspension.Domain.Tests.Outbox;

/// <summary>An outbox message's deliveries: one per channel that sends its type, each with its own attempts.</summary>
public class OutboxDeliverySpecs
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_message_has_a_delivery_on_each_channel_that_sends_its_type()
    {
        var suspended = new OutboxMessage(Guid.NewGuid(), "customer.suspended", "c-1", "{}", Now);
        var task = new OutboxMessage(Guid.NewGuid(), "task.created", "c-1", "{}", Now);

        Assert.Equal([OutboxChannel.Webhook, OutboxChannel.Email], suspended.Deliveries.Select(d => d.Channel));
        Assert.Equal([OutboxChannel.Webhook], task.Deliveries.Select(d => d.Channel));
        Assert.All(suspended.Deliveries.Concat(task.Deliveries), d => Assert.Equal(DeliveryStatus.Pending, d.Status));
    }

    [Fact]
    public void A_failed_attempt_waits_for_its_retry_and_the_last_allowed_one_is_a_dead_letter()
    {
        var delivery = new OutboxMessage(Guid.NewGuid(), "task.created", "c-1", "{}", Now).DeliveryOn(OutboxChannel.Webhook)!;

        delivery.Failed(Now, "HTTP 500", Now.AddSeconds(5), maxAttempts: 2);
        var afterFirst = (delivery.Status, delivery.NextAttemptAt);
        delivery.Failed(Now.AddSeconds(5), "HTTP 503", Now.AddSeconds(15), maxAttempts: 2);

        Assert.Equal((DeliveryStatus.Pending, Now.AddSeconds(5)), afterFirst);
        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
        Assert.Equal(2, delivery.Attempts);
        Assert.Equal("HTTP 503", delivery.LastError);
        Assert.Null(delivery.NextAttemptAt);
    }

    [Fact]
    public void A_failure_on_one_channel_leaves_the_other_untouched()
    {
        var message = new OutboxMessage(Guid.NewGuid(), "customer.suspended", "c-1", "{}", Now);

        message.DeliveryOn(OutboxChannel.Email)!.Failed(Now, "relay down", Now.AddSeconds(5), maxAttempts: 12);

        var webhook = message.DeliveryOn(OutboxChannel.Webhook)!;
        Assert.Equal((DeliveryStatus.Pending, 0, (string?)null), (webhook.Status, webhook.Attempts, webhook.LastError));
    }
}
