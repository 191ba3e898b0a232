using System.Text.Json;
using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Events;
using RuleSuspension.Domain.Suspensions;

namespace RuleSuspension.Workflows.Catalog;

/// <summary>Every activity type a definition may use, with its properties and outcomes (served at <c>GET /api/workflows/activities</c>).</summary>
public static class ActivityCatalog
{
    /// <summary>The notification types Notify writes to the outbox (the webhooks of DESIGN §8b).</summary>
    public static IReadOnlyList<string> NotificationTypes { get; } = ["customer.suspended", "customer.warned", "customer.reactivated", "task.created"];

    private static readonly IReadOnlyList<string> RoleNames = Enum.GetNames<Role>();

    public static IReadOnlyList<ActivityDescriptor> All { get; } =
    [
        new()
        {
            Type = ActivityTypes.EvaluateRuleSet,
            DisplayName = "Evaluate rule set",
            Category = "Decisions",
            Description = "Evaluates the current version of a rule set against the customer's facts and ends with its decision. Later steps see the decision as decision.outcome and decision.reasonCode.",
            Properties = [new() { Name = "ruleSet", Type = PropertyTypes.String, Required = true, Description = "The rule set's name, e.g. non-payment." }],
            Outcomes = ["Suspend", "Review", "Warn", "None"],
            RequiredOutcomes = ["Suspend"],
        },
        new()
        {
            Type = ActivityTypes.If,
            DisplayName = "If",
            Category = "Decisions",
            Description = "Branches on a rule-language condition over the facts, the variables and the last decision.",
            Properties = [new() { Name = "condition", Type = PropertyTypes.Expression, Required = true, Description = "A boolean condition, e.g. customer.tags.contains(\"vip\")." }],
            Outcomes = ["True", "False"],
            RequiredOutcomes = ["True"],
        },
        new()
        {
            Type = ActivityTypes.SuspendCustomer,
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
        },
        new()
        {
            Type = ActivityTypes.Notify,
            DisplayName = "Notify",
            Category = "Actions",
            Description = "Writes a notification to the outbox, from which webhooks and emails are delivered.",
            Properties =
            [
                new() { Name = "type", Type = PropertyTypes.String, Required = true, Options = NotificationTypes, Description = "The notification type." },
                new() { Name = "message", Type = PropertyTypes.Text, Description = "The message; by default the last decision's." },
            ],
            Outcomes = ["Done"],
        },
        new()
        {
            Type = ActivityTypes.HumanTask,
            DisplayName = "Human task",
            Category = "People",
            Description = "Opens a task in the inbox for a role and waits until a person completes it with one of its outcomes and a reason.",
            Properties =
            [
                new() { Name = "title", Type = PropertyTypes.String, Required = true, Description = "What the person is asked to do." },
                new() { Name = "role", Type = PropertyTypes.String, Required = true, Options = RoleNames, Description = "The role that may complete it (SuperAdmin always may)." },
                new() { Name = "outcomes", Type = PropertyTypes.StringList, Default = Json("""["Lift","Keep"]"""), Description = "The answers the person chooses from." },
                new() { Name = "kind", Type = PropertyTypes.String, Default = Json("\"lift-suspension\""), Description = "The task kind shown in the inbox." },
            ],
            Outcomes = ["Lift", "Keep"],
            Blocking = true,
        },
        new()
        {
            Type = ActivityTypes.LiftSuspension,
            DisplayName = "Lift suspension",
            Category = "Actions",
            Description = "Lifts the suspension this instance made, on behalf of the person who completed the preceding human task, with that person's reason. Never lifts by itself.",
            Properties = [],
            Outcomes = ["Done"],
        },
        new()
        {
            Type = ActivityTypes.WaitForEvent,
            DisplayName = "Wait for event",
            Category = "Flow",
            Description = "Waits for an event of the customer, optionally with a filter, or for the timeout.",
            Properties =
            [
                new() { Name = "eventType", Type = PropertyTypes.String, Required = true, Options = EventTypes.All, Description = "The event type to wait for." },
                new() { Name = "filter", Type = PropertyTypes.Expression, Description = "A condition the event must meet (event.data.x ...)." },
                new() { Name = "timeout", Type = PropertyTypes.Duration, Description = "How long to wait before ending with Timeout (ISO 8601, e.g. P7D)." },
            ],
            Outcomes = ["Received", "Timeout"],
            RequiredOutcomes = ["Received"],
            Blocking = true,
        },
        new()
        {
            Type = ActivityTypes.Delay,
            DisplayName = "Delay",
            Category = "Flow",
            Description = "Waits for a duration; a timer resumes the instance, on whichever node, after a restart too.",
            Properties = [new() { Name = "duration", Type = PropertyTypes.Duration, Required = true, Description = "ISO 8601 duration, e.g. PT1H or P7D." }],
            Outcomes = ["Done"],
            Blocking = true,
        },
        new()
        {
            Type = ActivityTypes.SetVariable,
            DisplayName = "Set variable",
            Category = "Flow",
            Description = "Sets a declared variable to a JSON value, or to the truth of a condition.",
            Properties =
            [
                new() { Name = "variable", Type = PropertyTypes.String, Required = true, Description = "The variable's name (declared in variables)." },
                new() { Name = "value", Type = PropertyTypes.Json, Description = "The value to set." },
                new() { Name = "condition", Type = PropertyTypes.Expression, Description = "Instead of value: a condition whose result (true or false) is set." },
            ],
            Outcomes = ["Done"],
        },
        new()
        {
            Type = ActivityTypes.End,
            DisplayName = "End",
            Category = "Flow",
            Description = "Ends the instance.",
            Properties = [],
            Outcomes = [],
        },
    ];

    private static readonly Dictionary<string, ActivityDescriptor> ByType = All.ToDictionary(d => d.Type, StringComparer.Ordinal);

    /// <summary>The descriptor of a type, or null when the type is unknown.</summary>
    public static ActivityDescriptor? Find(string type) => ByType.GetValueOrDefault(type);

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
