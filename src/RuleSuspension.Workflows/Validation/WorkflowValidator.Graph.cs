using RuleSuspension.Workflows.Catalog;
using RuleSuspension.Workflows.Definitions;

namespace RuleSuspension.Workflows.Validation;

public static partial class WorkflowValidator
{
    private static void CheckConnections(WorkflowDefinition definition, FlowGraph graph, List<WorkflowValidationError> errors)
    {
        var seen = new HashSet<(string, string)>();
        for (var i = 0; i < definition.Connections.Count; i++)
        {
            var connection = definition.Connections[i];
            var path = $"$.connections[{i}]";
            var text = connection.ToString();
            if (!graph.Contains(connection.From))
            {
                errors.Add(new($"{path}.from", $"Dangling connection: there is no activity '{connection.From}' to start from.", null, text));
                continue;
            }

            if (!graph.Contains(connection.To))
            {
                errors.Add(new($"{path}.to", $"Dangling connection: there is no activity '{connection.To}' to lead to.", connection.From, text));
            }

            var from = graph.ActivityOf(connection.From);
            if (graph.TypeOf(from) is { } type)
            {
                var outcomes = type.OutcomesOf(from);
                if (!outcomes.Contains(connection.Outcome))
                {
                    var expected = outcomes.Count == 0 ? $"{from.Type} has no outcomes" : "expected one of " + string.Join(", ", outcomes);
                    errors.Add(new($"{path}.outcome", $"'{connection.From}' ({from.Type}) has no outcome '{connection.Outcome}'; {expected}.", connection.From, text));
                }
            }

            if (!seen.Add((connection.From, connection.Outcome)))
            {
                errors.Add(new(path, $"The outcome '{connection.Outcome}' of '{connection.From}' is connected twice; an outcome leads to one activity.", connection.From, text));
            }
        }
    }

    private static void CheckRequiredOutcomes(WorkflowDefinition definition, FlowGraph graph, List<WorkflowValidationError> errors)
    {
        for (var i = 0; i < definition.Activities.Count; i++)
        {
            var activity = definition.Activities[i];
            if (graph.TypeOf(activity) is not { } type || !graph.Contains(activity.Id))
            {
                continue;
            }

            var connected = graph.Outgoing(activity.Id).Select(c => c.Outcome).ToHashSet(StringComparer.Ordinal);
            foreach (var outcome in type.RequiredOutcomesOf(activity).Where(o => !connected.Contains(o)))
            {
                errors.Add(new($"$.activities[{i}]", $"The outcome '{outcome}' of '{activity.Id}' ({activity.Type}) must be connected.", activity.Id));
            }
        }
    }

    private static void CheckReachability(WorkflowDefinition definition, FlowGraph graph, List<WorkflowValidationError> errors)
    {
        var entries = graph.Entries();
        var from = graph.Contains(definition.Start) ? $"the start activity '{definition.Start}'" : $"any activity a run could begin at ({string.Join(", ", entries)})";
        var reachable = graph.Reachable(entries);
        for (var i = 0; i < definition.Activities.Count; i++)
        {
            var id = definition.Activities[i].Id;
            if (id.Length > 0 && !reachable.Contains(id))
            {
                errors.Add(new($"$.activities[{i}]", $"The activity '{id}' cannot be reached from {from}.", id));
            }
        }
    }

    /// <summary>
    /// A loop must wait somewhere (in a blocking activity such as HumanTask, WaitForEvent or Delay), or one trigger would
    /// run forever. Cycles are searched in the graph without the blocking activities: any cycle left has none.
    /// </summary>
    private static void CheckCycles(WorkflowDefinition definition, FlowGraph graph, ActivityCatalog activities, List<WorkflowValidationError> errors)
    {
        var blocking = Alternatives(activities.All.Where(d => d.Blocking).Select(d => d.Type).ToList());
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 on the stack, 2 done
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var trail = new List<string>();

        void Visit(string id)
        {
            state[id] = 1;
            trail.Add(id);
            foreach (var next in graph.Successors(id).Where(n => !graph.IsBlocking(n)).Distinct())
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    var cycle = trail.Skip(trail.IndexOf(next)).ToList();
                    if (cycle.All(reported.Add))
                    {
                        errors.Add(new($"$.activities[{graph.IndexOf(next)}]",
                            $"The cycle {string.Join(" → ", cycle.Append(next))} has no blocking activity ({blocking}); it would run without end.", next));
                    }
                }
                else if (!state.ContainsKey(next))
                {
                    Visit(next);
                }
            }

            trail.RemoveAt(trail.Count - 1);
            state[id] = 2;
        }

        foreach (var activity in definition.Activities.Where(a => graph.Contains(a.Id) && !graph.IsBlocking(a.Id)))
        {
            if (!state.ContainsKey(activity.Id))
            {
                Visit(activity.Id);
            }
        }
    }

    /// <summary><c>A, B or C</c>.</summary>
    private static string Alternatives(IReadOnlyList<string> names)
        => names.Count < 2 ? string.Concat(names) : $"{string.Join(", ", names.Take(names.Count - 1))} or {names[^1]}";
}
