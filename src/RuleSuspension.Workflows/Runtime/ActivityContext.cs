using System.Security.Cryptography;
using System.Text;
using RuleSuspension.Rules.Facts;
using RuleSuspension.Workflows.Definitions;
using RuleSuspension.Workflows.Ports;

namespace RuleSuspension.Workflows.Runtime;

/// <summary>What an activity sees while it runs: its definition, the instance, the ports, the clock.</summary>
internal sealed class ActivityContext(
    WorkflowDefinition definition,
    WorkflowInstance instance,
    ActivityDefinition activity,
    int visit,
    WorkflowServices services,
    CancellationToken cancellationToken)
{
    public WorkflowDefinition Definition { get; } = definition;

    public WorkflowInstance Instance { get; } = instance;

    public ActivityDefinition Activity { get; } = activity;

    /// <summary>How many times the instance entered this activity, this time included.</summary>
    public int Visit { get; } = visit;

    public WorkflowServices Services { get; } = services;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public DateTimeOffset Now => Services.Clock.GetUtcNow();

    /// <summary><c>workflow:&lt;id&gt;@&lt;version&gt;</c>, the decider of its suspensions.</summary>
    public string WorkflowName => $"workflow:{Instance.DefinitionId}@{Instance.DefinitionVersion}";

    /// <summary>An id that is the same every time this visit of this activity of this instance runs (for idempotent side effects).</summary>
    public Guid StableId(string purpose)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{Instance.Id:N}/{Activity.Id}/{Visit}/{purpose}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    /// <summary>The facts of the customer with the instance's variables and last decision, as far as the reader needs them.</summary>
    public async Task<FactSet> FactsAsync(FactNeeds needs, string? eventId = null)
    {
        var facts = await Services.Facts.BuildAsync(Instance.CustomerId, eventId ?? Instance.EventId, Instance.AsOf, needs, CancellationToken);
        return facts with { Variables = Instance.Variables, Decision = Instance.Decision?.ToRuleSetDecision() };
    }
}

/// <summary>The ports and the clock, bundled for activities.</summary>
internal sealed record WorkflowServices(
    IWorkflowFacts Facts,
    IRuleSetEvaluator Rules,
    ICustomerSuspensions Suspensions,
    IHumanTaskInbox Tasks,
    IWorkflowOutbox Outbox,
    IWorkflowTimerScheduler Timers,
    TimeProvider Clock);
