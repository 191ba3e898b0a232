using RuleSuspension.Workflows.Activities;

namespace RuleSuspension.Workflows.Catalog;

/// <summary>
/// The activity types a definition may use, each as its class declares it. The catalogue served at
/// <c>GET /api/workflows/activities</c>, the schema, the validator and the engine all read one catalogue, so an
/// activity registered here is known to all four.
/// </summary>
public sealed class ActivityCatalog
{
    /// <summary>The activities of the product. Registering an activity is adding its class here.</summary>
    public static ActivityCatalog Default { get; } = new(
    [
        new EvaluateRuleSetActivity(), new IfActivity(), new SuspendCustomerActivity(), new NotifyActivity(), new HumanTaskActivity(),
        new LiftSuspensionActivity(), new WaitForEventActivity(), new DelayActivity(), new SetVariableActivity(), new EndActivity(),
    ]);

    private readonly IReadOnlyList<IActivity> _activities;
    private readonly Dictionary<string, IActivity> _byType = new(StringComparer.Ordinal);

    /// <summary>A catalogue of these activities, in this order; a declaration that cannot be served as it is is refused.</summary>
    internal ActivityCatalog(IReadOnlyList<IActivity> activities)
    {
        foreach (var activity in activities)
        {
            Ensure(activity);
            if (!_byType.TryAdd(activity.Descriptor.Type, activity))
            {
                throw new InvalidOperationException($"Two activities declare the type '{activity.Descriptor.Type}'.");
            }
        }

        _activities = activities;
        All = activities.Select(a => a.Descriptor).ToList();
    }

    /// <summary>Every type's declaration, in the palette's order.</summary>
    public IReadOnlyList<ActivityDescriptor> All { get; }

    /// <summary>The declaration of a type, or null when the type is unknown.</summary>
    public ActivityDescriptor? Find(string type) => _byType.GetValueOrDefault(type)?.Descriptor;

    /// <summary>This catalogue with one more activity.</summary>
    internal ActivityCatalog With(IActivity activity) => new([.. _activities, activity]);

    /// <summary>The class of a type, or null when the type is unknown.</summary>
    internal IActivity? Activity(string type) => _byType.GetValueOrDefault(type);

    private static void Ensure(IActivity activity)
    {
        var descriptor = activity.Descriptor;
        var name = activity.GetType().Name;
        if (string.IsNullOrWhiteSpace(descriptor.Type))
        {
            throw new InvalidOperationException($"{name} declares no type name.");
        }

        if (descriptor.Blocking != activity is IBlockingActivity)
        {
            throw new InvalidOperationException(descriptor.Blocking
                ? $"{name} declares {descriptor.Type} blocking but cannot be resumed (it is no IBlockingActivity)."
                : $"{name} can be resumed (an IBlockingActivity) but does not declare {descriptor.Type} blocking.");
        }

        if (descriptor.RequiredOutcomes.FirstOrDefault(o => !descriptor.Outcomes.Contains(o)) is { } unknownOutcome)
        {
            throw new InvalidOperationException($"{name} requires the outcome '{unknownOutcome}', which {descriptor.Type} does not declare.");
        }

        if (descriptor.Properties.FirstOrDefault(p => !PropertyTypes.All.Contains(p.Type)) is { } untyped)
        {
            throw new InvalidOperationException($"{name} declares the property '{untyped.Name}' of kind '{untyped.Type}'; expected one of {string.Join(", ", PropertyTypes.All)}.");
        }

        if (descriptor.Properties.GroupBy(p => p.Name).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidOperationException($"{name} declares the property '{twice.Key}' twice.");
        }
    }
}
