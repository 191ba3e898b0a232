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
internal sealed class LiftSuspension : IActivity
{
    public string Type => ActivityTypes.LiftSuspension;

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
