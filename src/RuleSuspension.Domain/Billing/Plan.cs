using RuleSuspension.Domain.Common;

namespace RuleSuspension.Domain.Billing;

/// <summary>A plan of the host platform, learned from plan-change events.</summary>
public sealed class Plan
{
    private Plan()
    {
        Id = Name = null!;
    }

    public Plan(string id, string name, bool requiresApproval)
    {
        Id = Guard.NotBlank(id, "id");
        Name = string.IsNullOrWhiteSpace(name) ? Id : name.Trim();
        RequiresApproval = requiresApproval;
    }

    public string Id { get; private set; }

    public string Name { get; private set; }

    public bool RequiresApproval { get; private set; }

    public void Update(string name, bool requiresApproval)
    {
        Name = string.IsNullOrWhiteSpace(name) ? Id : name.Trim();
        RequiresApproval = requiresApproval;
    }
}
