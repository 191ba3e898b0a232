namespace RuleSuspension.Load;

/// <summary>One event as a host would send it; a resend carries the same id and body.</summary>
internal sealed record TrafficEvent(string Id, string Type, string CustomerId, DateTimeOffset OccurredAt, object Data);

/// <summary>How a customer must end once every event of its story has been answered.</summary>
internal sealed record ExpectedEndState(bool Suspended, string? ReasonCode)
{
    public static readonly ExpectedEndState Active = new(false, null);

    public static ExpectedEndState SuspendedFor(string reasonCode) => new(true, reasonCode);

    public override string ToString() => Suspended ? $"suspended ({ReasonCode})" : "active";
}

/// <summary>A customer's events, sent in this order, and the end state they must lead to.</summary>
internal sealed record Story(string Kind, string CustomerId, IReadOnlyList<TrafficEvent> Events, ExpectedEndState Expected);
