using RuleSuspension.Workflows.Activities;
using RuleSuspension.Workflows.Definitions;

namespace RuleSuspension.Workflows.Validation;

public static partial class WorkflowValidator
{
    /// <summary>
    /// The product's rule: only a person lifts a suspension. No path from the start may reach LiftSuspension without
    /// passing a HumanTask for a role that may lift; and after a suspension every path must reach such a task, so that
    /// an automatic suspension always lands in someone's inbox.
    /// </summary>
    private static void CheckLifting(WorkflowDefinition definition, FlowGraph graph, WorkflowValidationOptions options, List<WorkflowValidationError> errors)
    {
        bool IsLiftingTask(string id) => WorkflowValidator.IsLiftingTask(graph.ActivityOf(id), options);
        var lifter = $"a HumanTask for a role that may lift ({string.Join(" or ", LiftingRoles(options))})";

        foreach (var id in graph.Reachable(graph.Entries(), stopAt: IsLiftingTask))
        {
            if (graph.ActivityOf(id).Type == LiftSuspensionActivity.TypeName)
            {
                errors.Add(new($"$.activities[{graph.IndexOf(id)}]", $"LiftSuspension '{id}' can be reached without passing {lifter}; only a person lifts a suspension.", id));
            }
        }

        for (var i = 0; i < definition.Activities.Count; i++)
        {
            var activity = definition.Activities[i];
            if (activity.Type != SuspendCustomerActivity.TypeName || !graph.Contains(activity.Id))
            {
                continue;
            }

            var next = definition.Next(activity.Id, "Suspended");
            var end = next is null || !graph.Contains(next) ? activity.Id : FindPathEnd(graph, next, IsLiftingTask);
            if (end is not null)
            {
                errors.Add(new($"$.activities[{i}]", $"After SuspendCustomer '{activity.Id}' a path ends at '{end}' without reaching {lifter}; every suspension must lead to a person's lift task.", activity.Id));
            }
        }
    }

    /// <summary>An activity where a path from <paramref name="from"/> ends (End, or an outcome left unconnected) before any lifting task; null when every path reaches one.</summary>
    private static string? FindPathEnd(FlowGraph graph, string from, Func<string, bool> isLiftingTask)
    {
        if (isLiftingTask(from))
        {
            return null;
        }

        foreach (var id in graph.Reachable(from, stopAt: isLiftingTask))
        {
            var activity = graph.ActivityOf(id);
            if (graph.TypeOf(activity) is not { } type)
            {
                continue;
            }

            var outcomes = type.OutcomesOf(activity);
            if (outcomes.Count == 0 || outcomes.Any(o => graph.Definition.Next(id, o) is not { } to || !graph.Contains(to)))
            {
                return id;
            }
        }

        return null;
    }

    private static IEnumerable<string> LiftingRoles(WorkflowValidationOptions options)
        => Enum.GetValues<Domain.Access.Role>().Where(options.Policy.MayLift).Select(r => r.ToString());
}
