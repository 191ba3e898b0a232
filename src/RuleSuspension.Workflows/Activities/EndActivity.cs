using RuleSuspension.Workflows.Catalog;
using RuleSuspension.Workflows.Runtime;

namespace RuleSuspension.Workflows.Activities;

/// <summary>Ends the instance.</summary>
internal sealed class EndActivity : IActivity
{
    public const string TypeName = "End";

    public ActivityDescriptor Descriptor { get; } = new()
    {
        Type = TypeName,
        DisplayName = "End",
        Category = "Flow",
        Description = "Ends the instance.",
    };

    public Task<ActivityResult> ExecuteAsync(ActivityContext context) => Task.FromResult(ActivityResult.Finish());
}
