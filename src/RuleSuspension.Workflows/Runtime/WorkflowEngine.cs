using System.Text.Json;
using System.Text.Json.Nodes;
using RuleSuspension.Domain.Common;
using RuleSuspension.Workflows.Activities;
using RuleSuspension.Workflows.Catalog;
using RuleSuspension.Workflows.Definitions;
using RuleSuspension.Workflows.Ports;

namespace RuleSuspension.Workflows.Runtime;

/// <summary>
/// Runs instances: from an activity, step after step, until one blocks or the path ends. After every step the instance
/// is handed to the store with that step's journal entry, beside the step's side effects; the caller's unit of work
/// writes a whole run in one transaction, so no instance is ever seen half way through a run.
/// </summary>
public sealed class WorkflowEngine
{
    /// <summary>A run stops with a fault after this many steps: validation refuses loops without a wait, this is the guard behind it.</summary>
    public const int MaxStepsPerRun = 1000;

    private readonly ActivityCatalog _activities;
    private readonly IWorkflowInstanceStore _store;
    private readonly WorkflowServices _services;

    public WorkflowEngine(
        IWorkflowInstanceStore store,
        IWorkflowFacts facts,
        IRuleSetEvaluator rules,
        ICustomerSuspensions suspensions,
        IHumanTaskInbox tasks,
        IWorkflowOutbox outbox,
        IWorkflowTimerScheduler timers,
        TimeProvider clock,
        ActivityCatalog? activities = null)
    {
        _activities = activities ?? ActivityCatalog.Default;
        _store = store;
        _services = new WorkflowServices(facts, rules, suspensions, tasks, outbox, timers, clock);
    }

    /// <summary>Creates an instance of a definition for a customer, at its start activity with the variables' defaults.</summary>
    public WorkflowInstance CreateInstance(WorkflowDefinition definition, string customerId, WorkflowEvent? trigger, DateOnly? asOf = null)
    {
        var variables = definition.Variables.ToDictionary(
            v => v.Name, v => v.Default?.Clone() ?? JsonSerializer.SerializeToElement<object?>(null), StringComparer.Ordinal);
        return new WorkflowInstance(Guid.NewGuid(), definition.Id, definition.Version, customerId, trigger, asOf, variables, definition.Start, _services.Clock.GetUtcNow());
    }

    /// <summary>Stores a new instance and runs it until it blocks or ends.</summary>
    public async Task StartAsync(WorkflowDefinition definition, WorkflowInstance instance, CancellationToken cancellationToken)
    {
        EnsureSameVersion(definition, instance);
        await _store.AddAsync(instance, cancellationToken);
        await RunAsync(definition, instance, cancellationToken);
    }

    /// <summary>
    /// Offers a signal to a waiting instance. When it concerns the activity the instance waits in, that activity ends
    /// with the signal's outcome and the run continues; otherwise nothing changes and the answer is false.
    /// </summary>
    public async Task<bool> ResumeAsync(WorkflowDefinition definition, WorkflowInstance instance, WorkflowSignal signal, CancellationToken cancellationToken)
    {
        EnsureSameVersion(definition, instance);
        if (instance.Status != WorkflowStatus.Waiting || instance.CurrentActivityId is not { } waitingIn
            || definition.Activity(waitingIn) is not { } activity
            || _activities.Activity(activity.Type) is not IBlockingActivity blocking)
        {
            return false;
        }

        var context = new ActivityContext(definition, instance, activity, instance.Visits.GetValueOrDefault(waitingIn), _services, cancellationToken);
        ActivityResult? result;
        try
        {
            result = await blocking.ResumeAsync(context, signal);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await FaultAsync(instance, activity, e, cancellationToken);
            return true;
        }

        if (result is null)
        {
            return false;
        }

        await _services.Timers.CancelAsync(instance.Id, waitingIn, cancellationToken);
        await AdvanceAsync(definition, instance, activity, result, cancellationToken);
        await RunAsync(definition, instance, cancellationToken);
        return true;
    }

    /// <summary>Continues an instance left Running (a run cut short by a crash whose steps were already saved).</summary>
    public Task ContinueAsync(WorkflowDefinition definition, WorkflowInstance instance, CancellationToken cancellationToken)
    {
        EnsureSameVersion(definition, instance);
        return RunAsync(definition, instance, cancellationToken);
    }

    /// <summary>
    /// Runs a faulted instance's failed step again, and on from there (after a fix: a new rule-set version, corrected
    /// data). The journal records the retry with <paramref name="note"/> (who and why) before the step runs.
    /// </summary>
    public async Task RetryAsync(WorkflowDefinition definition, WorkflowInstance instance, JsonObject note, CancellationToken cancellationToken)
    {
        EnsureSameVersion(definition, instance);
        EnsureFaulted(instance);
        var failed = instance.CurrentActivityId;
        note["fault"] = instance.Fault;
        instance.Retry(_services.Clock.GetUtcNow());
        await JournalAsync(definition, instance, failed, "Retried", note, cancellationToken);
        await RunAsync(definition, instance, cancellationToken);
    }

    /// <summary>Ends a faulted instance for good; the journal records it with <paramref name="note"/> (who and why).</summary>
    public async Task CancelAsync(WorkflowDefinition definition, WorkflowInstance instance, JsonObject note, CancellationToken cancellationToken)
    {
        EnsureSameVersion(definition, instance);
        EnsureFaulted(instance);
        instance.Cancel(_services.Clock.GetUtcNow());
        await JournalAsync(definition, instance, instance.CurrentActivityId, "Cancelled", note, cancellationToken);
    }

    /// <summary>A journal line that is not an activity's run: a person's retry or cancel of the step it names.</summary>
    private async Task JournalAsync(WorkflowDefinition definition, WorkflowInstance instance, string? activityId, string outcome, JsonObject summary, CancellationToken cancellationToken)
    {
        var type = activityId is null ? "?" : definition.Activity(activityId)?.Type ?? "?";
        var entry = new WorkflowJournalEntry(instance.Id, instance.NextJournalSequence(), activityId ?? "?", type, outcome,
            _services.Clock.GetUtcNow(), summary.ToJsonString());
        await _store.SaveAsync(instance, [entry], cancellationToken);
    }

    private async Task RunAsync(WorkflowDefinition definition, WorkflowInstance instance, CancellationToken cancellationToken)
    {
        var steps = 0;
        while (instance.Status == WorkflowStatus.Running)
        {
            if (instance.CurrentActivityId is not { } id)
            {
                instance.Complete(_services.Clock.GetUtcNow());
                await _store.SaveAsync(instance, [], cancellationToken);
                return;
            }

            var activity = definition.Activity(id);
            if (activity is null || _activities.Activity(activity.Type) is not { } behaviour)
            {
                await FaultAsync(instance, activity ?? new ActivityDefinition { Id = id, Type = "?" }, new ActivityFailedException($"The activity '{id}' is missing or of an unknown type."), cancellationToken);
                return;
            }

            if (++steps > MaxStepsPerRun)
            {
                await FaultAsync(instance, activity, new ActivityFailedException($"The run exceeded {MaxStepsPerRun} steps without waiting."), cancellationToken);
                return;
            }

            var visit = instance.Enter(id);
            ActivityResult result;
            try
            {
                result = await behaviour.ExecuteAsync(new ActivityContext(definition, instance, activity, visit, _services, cancellationToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await FaultAsync(instance, activity, e, cancellationToken);
                return;
            }

            await AdvanceAsync(definition, instance, activity, result, cancellationToken);
        }
    }

    /// <summary>Applies a step's result to the instance and saves it with the step's journal entry.</summary>
    private async Task AdvanceAsync(WorkflowDefinition definition, WorkflowInstance instance, ActivityDefinition activity, ActivityResult result, CancellationToken cancellationToken)
    {
        var now = _services.Clock.GetUtcNow();
        if (result.Blocks)
        {
            instance.Block(result.Bookmarks, now);
        }
        else if (!result.EndsInstance && result.Outcome is { } outcome)
        {
            var next = definition.Next(activity.Id, outcome);
            if (next is null)
            {
                instance.Complete(now);
            }
            else
            {
                instance.MoveTo(next, now);
            }
        }
        else
        {
            instance.Complete(now);
        }

        var entry = new WorkflowJournalEntry(instance.Id, instance.NextJournalSequence(), activity.Id, activity.Type, result.Outcome, now, result.Summary.ToJsonString());
        await _store.SaveAsync(instance, [entry], cancellationToken);
    }

    private async Task FaultAsync(WorkflowInstance instance, ActivityDefinition activity, Exception error, CancellationToken cancellationToken)
    {
        var now = _services.Clock.GetUtcNow();
        var message = error is ActivityFailedException ? error.Message : $"{error.GetType().Name}: {error.Message}";
        instance.MarkFaulted($"{activity.Id}: {message}", now);
        var entry = new WorkflowJournalEntry(instance.Id, instance.NextJournalSequence(), activity.Id, activity.Type, "Faulted", now,
            new JsonObject { ["error"] = message }.ToJsonString());
        await _store.SaveAsync(instance, [entry], cancellationToken);
    }

    private static void EnsureFaulted(WorkflowInstance instance)
    {
        if (instance.Status != WorkflowStatus.Faulted)
        {
            throw DomainException.Conflict("not-faulted", $"Workflow instance {instance.Id} is {instance.Status.ToString().ToLowerInvariant()}, not faulted: only a faulted instance can be retried or cancelled.");
        }
    }

    private static void EnsureSameVersion(WorkflowDefinition definition, WorkflowInstance instance)
    {
        // The guard against the "wrong version after an upgrade" class of bugs: an instance only ever runs on its own version.
        if (definition.Id != instance.DefinitionId || definition.Version != instance.DefinitionVersion)
        {
            throw new InvalidOperationException($"Instance {instance.Id} runs {instance.DefinitionId}@{instance.DefinitionVersion}, not {definition.Id}@{definition.Version}.");
        }
    }
}
