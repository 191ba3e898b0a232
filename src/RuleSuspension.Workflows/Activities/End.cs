using RuleSuspension.Workflows.Catalog;
using RuleSuspension.Workflows.Runtime;

namespace RuleSuspension.Workflows.Activities;

/// <summary>Ends the instance.</summary>
internal sealed class End : IActivity
{
    public string Type => ActivityTypes.End;

    public Task<ActivityResult> ExecuteAsync(ActivityContext context) => Task.FromResult(ActivityResult.Finish());
}
