using RuleSuspension.Workflows.Activities;
using RuleSuspension.Workflows.Catalog;
using RuleSuspension.Workflows.Definitions;

namespace RuleSuspension.Workflows.Validation;

/// <summary>The flowchart as a graph over activity ids, keeping only connections whose both ends exist.</summary>
internal sealed class FlowGraph
{
    private readonly ActivityCatalog _activities;
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ConnectionDefinition>> _outgoing = new(StringComparer.Ordinal);

    public FlowGraph(WorkflowDefinition definition, ActivityCatalog activities)
    {
        _activities = activities;
        for (var i = 0; i < definition.Activities.Count; i++)
        {
            _index.TryAdd(definition.Activities[i].Id, i);
        }

        foreach (var connection in definition.Connections.Where(c => Contains(c.From) && Contains(c.To)))
        {
            if (!_outgoing.TryGetValue(connection.From, out var list))
            {
                _outgoing[connection.From] = list = [];
            }

            list.Add(connection);
        }

        Definition = definition;
    }

    public WorkflowDefinition Definition { get; }

    public bool Contains(string id) => _index.ContainsKey(id);

    /// <summary>The index of the activity in the definition's list (for JSON paths).</summary>
    public int IndexOf(string id) => _index[id];

    public ActivityDefinition ActivityOf(string id) => Definition.Activities[_index[id]];

    public IReadOnlyList<ConnectionDefinition> Outgoing(string id) => _outgoing.GetValueOrDefault(id) ?? [];

    public IEnumerable<string> Successors(string id) => Outgoing(id).Select(c => c.To);

    /// <summary>The class of an activity's type, or null when the type is unknown.</summary>
    public IActivity? TypeOf(ActivityDefinition activity) => _activities.Activity(activity.Type);

    public bool IsBlocking(string id) => TypeOf(ActivityOf(id))?.Descriptor.Blocking == true;

    /// <summary>
    /// Where runs begin: the start activity; when it is missing or unknown, every activity no connection leads to (the
    /// first activity if each has one), so that the checks from the start still run and report what they find.
    /// </summary>
    public IReadOnlyList<string> Entries()
    {
        if (Contains(Definition.Start))
        {
            return [Definition.Start];
        }

        var targets = _outgoing.Values.SelectMany(list => list).Select(c => c.To).ToHashSet(StringComparer.Ordinal);
        var roots = _index.Keys.Where(id => id.Length > 0 && !targets.Contains(id)).ToList();
        return roots.Count > 0 ? roots : _index.Keys.Where(id => id.Length > 0).Take(1).ToList();
    }

    /// <summary>The activities reachable from <paramref name="from"/> without entering any activity <paramref name="stopAt"/> accepts.</summary>
    public HashSet<string> Reachable(string from, Func<string, bool>? stopAt = null) => Reachable([from], stopAt);

    /// <summary>The activities reachable from any of <paramref name="from"/> without entering any activity <paramref name="stopAt"/> accepts.</summary>
    public HashSet<string> Reachable(IEnumerable<string> from, Func<string, bool>? stopAt = null)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        foreach (var entry in from.Where(e => Contains(e) && stopAt?.Invoke(e) != true))
        {
            if (seen.Add(entry))
            {
                stack.Push(entry);
            }
        }

        while (stack.TryPop(out var current))
        {
            foreach (var next in Successors(current))
            {
                if (stopAt?.Invoke(next) != true && seen.Add(next))
                {
                    stack.Push(next);
                }
            }
        }

        return seen;
    }
}
