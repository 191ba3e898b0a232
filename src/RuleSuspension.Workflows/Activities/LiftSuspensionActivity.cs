using System.Text.Json.Nodes;
using RuleSuspension.Workflows.Catalog;
using RuleSuspension.Workflows.Ports;
using RuleSuspension.Workflows.Runtime;

namespace RuleSuspension.Workflows.Activities;

/// <summary>
/// Lifts the instance's suspension on behalf of the person who completed the preceding human task, with their reason.
/// A workflow never lifts by itself: without a completed task this fails. Finding nothing to lift (a person lifted it
/// through the customer route first) is not a failure.
/// </summary>
internal sealed class LiftSuspensionActivity : IActivity
{
    public const string TypeName = "LiftSuspension";

    public ActivityDescriptor Descriptor { get; } = new()
    {
        Type = TypeName,
        DisplayName = "Lift suspension",
        Category = "Actions",
        Description = "Lifts the suspension this instance made, on behalf of the person who completed the preceding human task, with that person's reason. Never lifts by itself.",
        Outcomes = ["Done"],
    };

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var completion = context.Instance.LastCompletion
            ?? throw new ActivityFailedException("LiftSuspension needs a person: no human task of this instance was completed before it.");
        var result = await context.Services.Suspensions.LiftAsync(
            new LiftRequest(context.Instance.CustomerId, context.Instance.Id, context.Instance.SuspensionId, completion.Actor, completion.Reason),
            context.CancellationToken);
        return ActivityResult.Done("Done", new JsonObject
        {
            ["liftedBy"] = completion.Actor.ToString(),
            ["reason"] = completion.Reason,
            ["lifted"] = result.Lifted,
            ["suspensionId"] = result.SuspensionId?.ToString(),
            ["note"] = result.Note,
        });
    }
}
