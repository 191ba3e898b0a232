using RuleSuspension.Workflows.Catalog;
using RuleSuspension.Workflows.Definitions;
using RuleSuspension.Workflows.Runtime;
using RuleSuspension.Workflows.Validation;

namespace RuleSuspension.Workflows.Activities;

/// <summary>
/// One activity type: its declaration (<see cref="Descriptor"/>: type name, properties, outcomes) and its behaviour,
/// in one class. The catalogue, the designer's schema and the validator read the declaration; the engine runs the
/// behaviour. Adding an activity is one such class and its line in <see cref="ActivityCatalog.Default"/>.
/// </summary>
internal interface IActivity
{
    ActivityDescriptor Descriptor { get; }

    Task<ActivityResult> ExecuteAsync(ActivityContext context);

    /// <summary>The outcomes one activity of this type can end with: the declared ones, unless its properties decide them.</summary>
    IReadOnlyList<string> OutcomesOf(ActivityDefinition activity) => Descriptor.Outcomes;

    /// <summary>The outcomes of one activity of this type that must be connected.</summary>
    IReadOnlyList<string> RequiredOutcomesOf(ActivityDefinition activity) => Descriptor.RequiredOutcomes;

    /// <summary>
    /// What this type asks of a definition beyond its declared properties (whose presence, kind and allowed values the
    /// validator checks from <see cref="Descriptor"/>): none unless the type says otherwise.
    /// </summary>
    void Check(ActivityCheck check)
    {
    }
}

/// <summary>An activity that waits: resumed by a signal that matches one of its bookmarks.</summary>
internal interface IBlockingActivity : IActivity
{
    /// <summary>The result of the signal, or null when it does not concern this wait (the instance keeps waiting).</summary>
    Task<ActivityResult?> ResumeAsync(ActivityContext context, WorkflowSignal signal);
}

/// <summary>Thrown by an activity that cannot do its work; the instance faults with the message.</summary>
internal sealed class ActivityFailedException(string message) : Exception(message);

/// <summary>One activity of a definition under validation, and where its errors go.</summary>
internal sealed class ActivityCheck(WorkflowDefinition definition, ActivityDefinition activity, string path, WorkflowValidationOptions options, List<WorkflowValidationError> errors)
{
    public WorkflowDefinition Definition { get; } = definition;

    public ActivityDefinition Activity { get; } = activity;

    public WorkflowValidationOptions Options { get; } = options;

    /// <summary>Reports a problem at <paramref name="relativePath"/> under the activity (e.g. <c>.properties.value</c>).</summary>
    public void Error(string relativePath, string message) => errors.Add(new(path + relativePath, message, Activity.Id));
}
