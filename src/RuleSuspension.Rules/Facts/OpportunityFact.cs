namespace RuleSuspension.Rules.Facts;

/// <summary>A CRM opportunity of the customer (<c>opportunity</c>; null when the check has none).</summary>
public sealed record OpportunityFact
{
    /// <summary>Opportunity id (<c>opportunity.id</c>).</summary>
    public required string Id { get; init; }
    /// <summary>CRM board id (<c>opportunity.boardId</c>).</summary>
    public string BoardId { get; init; } = "";
    /// <summary>CRM board name (<c>opportunity.boardName</c>).</summary>
    public string BoardName { get; init; } = "";
    /// <summary>Stage on the board (<c>opportunity.stage</c>).</summary>
    public string Stage { get; init; } = "";
    /// <summary>Value of the opportunity (<c>opportunity.value</c>).</summary>
    public decimal Value { get; init; }
}
