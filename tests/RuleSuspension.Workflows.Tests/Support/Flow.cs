using System.Text.Json;
using RuleSuspension.Workflows.Definitions;

namespace RuleSuspension.Workflows.Tests.Support;

/// <summary>Builds definitions for tests in a few lines.</summary>
internal sealed class Flow(string id = "test-flow")
{
    private readonly List<ActivityDefinition> _activities = [];
    private readonly List<ConnectionDefinition> _connections = [];
    private readonly List<TriggerDefinition> _triggers = [];
    private readonly List<VariableDefinition> _variables = [];
    private string? _start;

    public Flow Activity(string activityId, string type, object? properties = null)
    {
        var json = JsonSerializer.SerializeToElement(properties ?? new { });
        _activities.Add(new ActivityDefinition
        {
            Id = activityId,
            Type = type,
            Properties = json.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()),
        });
        _start ??= activityId;
        return this;
    }

    public Flow Connect(string from, string outcome, string to)
    {
        _connections.Add(new ConnectionDefinition { From = from, Outcome = outcome, To = to });
        return this;
    }

    public Flow Trigger(string eventType, string? filter = null)
    {
        _triggers.Add(new TriggerDefinition { Event = eventType, Filter = filter });
        return this;
    }

    public Flow Variable(string name, string type, object? value = null)
    {
        _variables.Add(new VariableDefinition { Name = name, Type = type, Default = value is null ? null : JsonSerializer.SerializeToElement(value) });
        return this;
    }

    public Flow StartAt(string activityId)
    {
        _start = activityId;
        return this;
    }

    public WorkflowDefinition Build(int version = 1) => new()
    {
        Id = id,
        Version = version,
        Name = "Test flow",
        Start = _start ?? "",
        Triggers = _triggers.ToList(),
        Variables = _variables.ToList(),
        Activities = _activities.ToList(),
        Connections = _connections.ToList(),
    };

    /// <summary>Suspend on the decision, then a SuperAdmin lift task, then lift: the smallest valid suspending flow.</summary>
    public static Flow SuspendAndLift(string id = "test-flow") => new Flow(id)
        .Activity("evaluate", "EvaluateRuleSet", new { ruleSet = "signup" })
        .Activity("suspend", "SuspendCustomer")
        .Activity("review", "HumanTask", new { title = "Review and lift", role = "SuperAdmin" })
        .Activity("lift", "LiftSuspension")
        .Activity("end", "End")
        .Connect("evaluate", "Suspend", "suspend")
        .Connect("evaluate", "None", "end")
        .Connect("suspend", "Suspended", "review")
        .Connect("review", "Lift", "lift")
        .Connect("review", "Keep", "end")
        .Connect("lift", "Done", "end");
}
