using NRules.Extensibility;
using NRules.RuleModel;

namespace RuleSuspension.Rules.NRules.Engine;

/// <summary>
/// The actions one session's rules ran, grouped by firing, and the decision they add up to. The session hands it to
/// <see cref="RuleActions"/> through its dependency resolver, so a session is all the state an evaluation has.
/// </summary>
internal sealed class ActionLog : IDependencyResolver
{
    private readonly List<(IMatch Match, string Rule, int Priority, List<FiredAction> Actions)> _firings = new(4);

    public DecisionOutcome Outcome { get; private set; }
    public string? ReasonCode { get; private set; }
    public string? Message { get; private set; }
    public string? HaltedBy { get; private set; }

    public void Add(IContext context, string type, string? reasonCode, string? message, string? fact)
    {
        if (_firings.Count == 0 || !ReferenceEquals(_firings[^1].Match, context.Match))
            _firings.Add((context.Match, context.Rule.Name, context.Rule.Priority, new List<FiredAction>(2)));
        _firings[^1].Actions.Add(new FiredAction(type, reasonCode, message, fact));

        // The strongest action decides; of equal strength, the first fired (as in the language).
        var strength = type switch { "suspend" => DecisionOutcome.Suspend, "review" => DecisionOutcome.Review, "warn" => DecisionOutcome.Warn, _ => DecisionOutcome.None };
        if (strength > Outcome)
        {
            Outcome = strength;
            ReasonCode = reasonCode;
            Message = message;
        }
        if (type == "halt") HaltedBy = context.Rule.Name;
    }

    public IReadOnlyList<FiredRule> FiredRules()
        => _firings.Count == 0 ? [] : _firings.Select(f => new FiredRule(f.Rule, f.Priority, f.Actions)).ToList();

    public object Resolve(IResolutionContext context, Type serviceType)
        => serviceType == typeof(ActionLog) ? this : throw new InvalidOperationException($"a code-defined rule asked for '{serviceType}', which sessions do not provide");
}
