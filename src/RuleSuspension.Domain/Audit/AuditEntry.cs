namespace RuleSuspension.Domain.Audit;

/// <summary>One change, who made it and when. Written in the same transaction as the change.</summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
        Action = Actor = Details = null!;
    }

    public AuditEntry(DateTimeOffset at, string actor, string action, string? customerId, string details)
    {
        At = at.ToUniversalTime();
        Actor = actor;
        Action = action;
        CustomerId = customerId;
        Details = details;
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The person (key name and role) or system part that made the change.</summary>
    public string Actor { get; private set; }

    /// <summary>What happened, e.g. <c>customer.suspended</c>, <c>ruleset.parameters-changed</c>.</summary>
    public string Action { get; private set; }

    public string? CustomerId { get; private set; }

    /// <summary>A JSON object describing the change (old and new values where they matter).</summary>
    public string Details { get; private set; }
}
