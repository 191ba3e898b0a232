using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RuleSuspension.Application.Customers;
using RuleSuspension.Domain.Customers;
using RuleSuspension.Domain.Events;
using RuleSuspension.Persistence;
using RuleSuspension.Rules;
using RuleSuspension.Rules.Facts;
using RuleSuspension.Workflows.Definitions;
using RuleSuspension.Workflows.Expressions;
using RuleSuspension.Workflows.Ports;
using RuleSuspension.Workflows.Runtime;

namespace RuleSuspension.Application.Workflows;

/// <summary>
/// Brings signals to instances: an event resumes the customer's instances waiting for it and starts the published
/// workflows it triggers; a task completion or a timer resumes its instance. The caller holds the customer's lock and
/// its transaction, so this runs in the same transaction as what caused it (the event's insert, the task's completion,
/// the timer's claim): either all of it is stored or none.
/// </summary>
public sealed class WorkflowDispatcher(
    RuleSuspensionDb db,
    WorkflowEngine engine,
    WorkflowDefinitionCache definitions,
    IWorkflowFacts facts,
    TimeProvider clock,
    ILogger<WorkflowDispatcher> logger)
{
    // Every event asks it.
    private static readonly CompiledQuery<Func<RuleSuspensionDb, string, IAsyncEnumerable<WorkflowInstance>>> WaitingInstances =
        new(() => EF.CompileAsyncQuery((RuleSuspensionDb db, string customerId) =>
            db.WorkflowInstances.Where(i => i.CustomerId == customerId && i.Status == WorkflowStatus.Waiting)));

    /// <summary>Resumes the waiting instances an event concerns, then starts the workflows it triggers.</summary>
    public async Task OnEventAsync(InboundEvent stored, CancellationToken cancellationToken)
    {
        // Disposed: its pooled buffers go back to the pool (the clone owns its own copy).
        using var data = JsonDocument.Parse(stored.Data);
        var received = new WorkflowEvent(stored.Id, stored.Type, stored.OccurredAt, stored.CustomerId, data.RootElement.Clone());
        var waiting = await MayResumeAsync(stored, cancellationToken)
            ? await WaitingInstances.For(db)(db, stored.CustomerId).ToListAsync(cancellationToken)
            : [];
        foreach (var instance in waiting.Where(i => i.Bookmarks.Any(b => b.Kind == BookmarkKind.Event && b.EventType == stored.Type)).OrderBy(i => i.CreatedAt))
        {
            var definition = await definitions.GetAsync(db, instance.DefinitionId, instance.DefinitionVersion, cancellationToken);
            if (await engine.ResumeAsync(definition, instance, new EventSignal(received), cancellationToken))
            {
                logger.LogInformation("Event {EventId} resumed workflow instance {InstanceId} ({Workflow}@{Version})", stored.Id, instance.Id, instance.DefinitionId, instance.DefinitionVersion);
            }
        }

        var triggered = (await definitions.PublishedAsync(db, cancellationToken))
            .Select(d => (Definition: d, Triggers: d.Triggers.Where(t => t.Event == stored.Type).ToList()))
            .Where(d => d.Triggers.Count > 0)
            .ToList();
        FactSet? filterFacts = null;
        foreach (var (definition, triggers) in triggered)
        {
            if (triggers.All(t => t.Filter is not null))
            {
                // One build for every filter of this event: what all of them read.
                filterFacts ??= await facts.BuildAsync(stored.CustomerId, stored.Id, null, FilterNeeds(triggered.SelectMany(d => d.Triggers)), cancellationToken);
                if (!triggers.Any(t => FilterHolds(definition, t.Filter!, filterFacts)))
                {
                    continue;
                }
            }

            await StartOnceAsync(definition, received, cancellationToken);
        }
    }

    /// <summary>
    /// False when the answer to "which of the customer's instances wait for this event" is known without asking the
    /// database: none, because no stored workflow waits for this event type, or because this unit of work adds the
    /// customer (its sign-up), who has no instances yet.
    /// </summary>
    private async Task<bool> MayResumeAsync(InboundEvent stored, CancellationToken cancellationToken)
        => (await definitions.EventTypesWaitedForAsync(db, cancellationToken)).Contains(stored.Type)
           && !(db.Tracked<Customer>(stored.CustomerId) is { } customer && db.Entry(customer).State == EntityState.Added);

    /// <summary>Starts an instance for a customer without an event (the scheduler's overdue check).</summary>
    public async Task<WorkflowInstance> StartAsync(WorkflowDefinition definition, string customerId, DateOnly? asOf, CancellationToken cancellationToken)
    {
        var instance = engine.CreateInstance(definition, customerId, null, asOf);
        await engine.StartAsync(definition, instance, cancellationToken);
        WorkflowDispatchLog.Started(logger, instance.Id, definition.Id, definition.Version, customerId);
        return instance;
    }

    /// <summary>Offers a signal to one instance; false when it was not waiting for it.</summary>
    public async Task<bool> ResumeAsync(WorkflowInstance instance, WorkflowSignal signal, CancellationToken cancellationToken)
    {
        var definition = await definitions.GetAsync(db, instance.DefinitionId, instance.DefinitionVersion, cancellationToken);
        return await engine.ResumeAsync(definition, instance, signal, cancellationToken);
    }

    /// <remarks>
    /// The event was inserted in this unit of work, so it never started anything before; the trigger record's key
    /// (definition, event) is the database's guard that it never does twice.
    /// </remarks>
    private async Task StartOnceAsync(WorkflowDefinition definition, WorkflowEvent received, CancellationToken cancellationToken)
    {
        var instance = engine.CreateInstance(definition, received.CustomerId, received);
        db.WorkflowTriggers.Add(new WorkflowTriggerRecord(definition.Id, received.Id, instance.Id, clock.GetUtcNow()));
        await engine.StartAsync(definition, instance, cancellationToken);
        WorkflowDispatchLog.StartedByEvent(logger, received.Id, instance.Id, definition.Id, definition.Version, instance.Status);
    }

    private static FactNeeds FilterNeeds(IEnumerable<TriggerDefinition> triggers)
        => triggers.Where(t => t.Filter is not null).Aggregate(FactNeeds.None, (needs, t) => needs | NeedsOf(t.Filter!));

    /// <summary>A filter that no longer compiles (published before a language limit) reads nothing; FilterHolds refuses it.</summary>
    private static FactNeeds NeedsOf(string filter)
    {
        try
        {
            return Conditions.Get(filter).Needs;
        }
        catch (RuleEvaluationException)
        {
            return FactNeeds.None;
        }
    }

    private bool FilterHolds(WorkflowDefinition definition, string filter, FactSet factSet)
    {
        try
        {
            return Conditions.Get(filter).Evaluate(factSet);
        }
        catch (RuleEvaluationException e)
        {
            logger.LogWarning(e, "The trigger filter of workflow {Workflow}@{Version} failed; the workflow was not started", definition.Id, definition.Version);
            return false;
        }
    }
}

/// <summary>
/// The dispatcher's messages for every start: generated, so that with Debug off (the default) nothing is boxed or
/// allocated for them (the <c>LogDebug</c> extension builds its argument array before it asks the level).
/// </summary>
internal static partial class WorkflowDispatchLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Started workflow instance {InstanceId} ({Workflow}@{Version}) for customer {CustomerId}")]
    public static partial void Started(ILogger logger, Guid instanceId, string workflow, int version, string customerId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Event {EventId} started workflow instance {InstanceId} ({Workflow}@{Version}), now {Status}")]
    public static partial void StartedByEvent(ILogger logger, string eventId, Guid instanceId, string workflow, int version, WorkflowStatus status);
}
