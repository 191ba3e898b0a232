using System.Text.Json.Nodes;
using RuleSuspension.Domain.Suspensions;
using RuleSuspension.Workflows.Catalog;
using RuleSuspension.Workflows.Ports;
using RuleSuspension.Workflows.Runtime;

namespace RuleSuspension.Workflows.Activities;

/// <summary>
/// Suspends the customer automatically. The suspension carries the instance id, which makes this idempotent: a re-run
/// finds it and does not suspend twice. An exempt customer, or one already suspended by someone else, is left alone
/// (outcome Skipped).
/// </summary>
internal sealed class SuspendCustomerActivity : IActivity
{
    public const string TypeName = "SuspendCustomer";

    public ActivityDescriptor Descriptor { get; } = new()
    {
        Type = TypeName,
        DisplayName = "Suspend customer",
        Category = "Actions",
        Description = "Suspends the customer automatically, once per instance. Ends with Skipped when the customer is exempt or already suspended by someone else.",
        Properties =
        [
            new() { Name = "reasonCode", Type = PropertyTypes.String, Options = ReasonCodes.All, Description = "The reason code; by default the last decision's." },
            new() { Name = "reasonText", Type = PropertyTypes.Text, Description = "The reason text; by default the last decision's message." },
        ],
        Outcomes = ["Suspended", "Skipped"],
        RequiredOutcomes = ["Suspended"],
    };

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var decision = context.Instance.Decision;
        var reasonCode = context.Activity.Text("reasonCode") ?? decision?.ReasonCode
            ?? throw new ActivityFailedException("SuspendCustomer has no reasonCode and no decision with one precedes it.");
        var reasonText = context.Activity.Text("reasonText") is { Length: > 0 } text ? text
            : decision?.Message is { Length: > 0 } message ? message
            : $"Suspended by {context.WorkflowName}.";
        var result = await context.Services.Suspensions.SuspendAsync(
            new SuspendRequest(context.Instance.CustomerId, context.Instance.Id, reasonCode, reasonText, context.WorkflowName, decision?.DecidingRule, context.Instance.SuspensionId),
            context.CancellationToken);
        var suspended = result.Status is SuspendStatus.Suspended or SuspendStatus.AlreadySuspendedByThisInstance;
        if (suspended && result.SuspensionId is { } id)
        {
            context.Instance.RememberSuspension(id);
        }

        return ActivityResult.Done(suspended ? "Suspended" : "Skipped", new JsonObject
        {
            ["reasonCode"] = reasonCode,
            ["reasonText"] = reasonText,
            ["rule"] = decision?.DecidingRule,
            ["result"] = result.Status.ToString(),
            ["suspensionId"] = result.SuspensionId?.ToString(),
            ["note"] = result.Note,
        });
    }
}
