namespace RuleSuspension.Domain.Outbox;

/// <summary>
/// A notification to deliver, written in the same transaction as the change it reports, so that a crash loses none.
/// Each channel (webhook, email) delivers it apart (<see cref="Deliveries"/>). Delivery is at least once;
/// <see cref="Id"/> lets the receiver drop repeats.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>The notifications the account managers are emailed of.</summary>
    public static readonly IReadOnlyList<string> EmailedTypes = [NotificationTypes.CustomerSuspended, NotificationTypes.CustomerWarned, NotificationTypes.CustomerReactivated];

    private readonly List<OutboxDelivery> _deliveries = [];

    private OutboxMessage()
    {
        Type = CustomerId = Payload = null!;
    }

    public OutboxMessage(Guid id, string type, string customerId, string payload, DateTimeOffset createdAt)
    {
        Id = id;
        Type = type;
        CustomerId = customerId;
        Payload = payload;
        CreatedAt = createdAt.ToUniversalTime();
        _deliveries.AddRange(ChannelsFor(type).Select(channel => new OutboxDelivery(id, channel)));
    }

    public Guid Id { get; private set; }

    /// <summary>e.g. <c>customer.suspended</c>, <c>customer.warned</c>, <c>customer.reactivated</c>, <c>task.created</c>.</summary>
    public string Type { get; private set; }

    public string CustomerId { get; private set; }

    /// <summary>The <c>data</c> of the notification as a JSON object.</summary>
    public string Payload { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>One delivery per channel that sends this type: every type goes out as a webhook, some as email too.</summary>
    public IReadOnlyCollection<OutboxDelivery> Deliveries => _deliveries;

    public OutboxDelivery? DeliveryOn(OutboxChannel channel) => _deliveries.Find(d => d.Channel == channel);

    /// <summary>The channels a message of <paramref name="type"/> goes out on.</summary>
    public static IEnumerable<OutboxChannel> ChannelsFor(string type)
        => EmailedTypes.Contains(type) ? [OutboxChannel.Webhook, OutboxChannel.Email] : [OutboxChannel.Webhook];
}
