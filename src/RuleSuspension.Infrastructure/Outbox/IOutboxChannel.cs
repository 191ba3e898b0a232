using RuleSuspension.Domain.Outbox;
using RuleSuspension.Persistence;

namespace RuleSuspension.Infrastructure.Outbox;

/// <summary>
/// One way the outbox goes out (webhooks, email): the one sender loop (<see cref="OutboxSender"/>) claims the
/// channel's due deliveries and hands them to it a batch at a time.
/// </summary>
internal interface IOutboxChannel
{
    OutboxChannel Channel { get; }

    OutboxDeliverySettings Settings { get; }

    /// <summary>How long one message's sending may take at most (all its sends, with their timeouts).</summary>
    TimeSpan LongestSend { get; }

    /// <summary>Says at start whether the channel is configured (and logs it once); false means nothing runs.</summary>
    bool Announce();

    /// <summary>Starts one batch of sends; disposing it ends the batch (the email channel's SMTP connection, say).</summary>
    Task<IOutboxBatch> StartBatchAsync(RuleSuspensionDb db, CancellationToken cancellationToken);
}

/// <summary>The sends of one batch on one channel.</summary>
internal interface IOutboxBatch : IAsyncDisposable
{
    Task<SendOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>What one send of one message came to.</summary>
internal readonly record struct SendOutcome(string? Error, bool NothingToSend = false)
{
    public static SendOutcome Sent => new(null);

    /// <summary>The channel has no one to send this message to: it is done with it, without an attempt.</summary>
    public static SendOutcome Nothing => new(null, true);

    public static SendOutcome Failed(string error) => new(error);
}
