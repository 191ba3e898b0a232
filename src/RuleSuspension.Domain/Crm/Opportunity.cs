using RuleSuspension.Domain.Common;

namespace RuleSuspension.Domain.Crm;

/// <summary>A customer added as an opportunity on a CRM board.</summary>
public sealed class Opportunity
{
    private Opportunity()
    {
        Id = CustomerId = BoardId = BoardName = Stage = null!;
    }

    public Opportunity(string id, string customerId, string boardId, string boardName, string stage, decimal value)
    {
        Id = Guard.NotBlank(id, "opportunityId");
        CustomerId = Guard.NotBlank(customerId, "customerId");
        BoardId = Guard.NotBlank(boardId, "boardId");
        BoardName = boardName?.Trim() ?? string.Empty;
        Stage = Guard.NotBlank(stage, "stage");
        Value = value;
    }

    public string Id { get; private set; }

    public string CustomerId { get; private set; }

    public string BoardId { get; private set; }

    public string BoardName { get; private set; }

    public string Stage { get; private set; }

    public decimal Value { get; private set; }

    public void Move(string boardName, string stage, decimal value)
    {
        BoardName = boardName?.Trim() ?? BoardName;
        Stage = Guard.NotBlank(stage, "stage");
        Value = value;
    }
}
