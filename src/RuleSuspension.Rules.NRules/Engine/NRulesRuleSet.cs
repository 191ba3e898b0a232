using NRules;
using NRules.RuleModel;
using RuleSuspension.Rules.Facts;

namespace RuleSuspension.Rules.NRules.Engine;

/// <summary>
/// A code-defined rule set: its NRules rules compiled once into a session factory; each evaluation is one session
/// holding the facts (customer, invoices, plan, opportunity, event, the check's date and the parameters record).
/// </summary>
internal sealed class NRulesRuleSet : IRuleSet
{
    private readonly ISessionFactory _factory;
    private readonly IRuleDefinition[] _agenda;
    private readonly ParameterBinder _parameters;

    public NRulesRuleSet(CodeRuleSet declaration, string source, IReadOnlyList<IRuleDefinition> rules, ISessionFactory factory, ParameterBinder parameters)
    {
        _factory = factory;
        _parameters = parameters;
        // Agenda order as in the language: priority descending, ties in declaration order.
        _agenda = rules.OrderByDescending(r => r.Priority).ToArray();
        Needs = FactNeedsCollector.Of(rules);
        Document = new RuleSetDocument
        {
            Name = declaration.Name,
            Description = declaration.Description,
            Kind = RuleSetKinds.NRules,
            Source = source,
            Parameters = parameters.Definitions,
            Rules = rules.Select(r => new RuleDefinition { Name = r.Name, Description = r.Description is { Length: > 0 } d ? d : null, Priority = r.Priority }).ToList(),
        };
    }

    public string Name => Document.Name;

    public string Kind => RuleSetKinds.NRules;

    public RuleSetDocument Document { get; }

    public IReadOnlyList<ParameterDefinition> Parameters => Document.Parameters;

    public FactNeeds Needs { get; }

    /// <summary>The assembly identity and content hash the rules were loaded from.</summary>
    public string Source => Document.Source!;

    public IReadOnlyList<RuleError> ValidateParameters(ParameterValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return _parameters.Validate(values);
    }

    public RuleSetDecision Evaluate(FactSet facts, ParameterValues? overrides = null, bool explain = false)
    {
        ArgumentNullException.ThrowIfNull(facts);
        FactConsistency.ThrowIfInconsistent(facts, Name);
        var parameters = _parameters.Resolve(overrides);
        var log = new ActionLog();
        var session = _factory.CreateSession();
        session.DependencyResolver = log;
        var recorder = explain ? new ExplanationRecorder(session.Events) : null;
        try
        {
            session.Insert(facts.Customer);
            if (facts.Invoices.Count > 0) session.InsertAll(facts.Invoices);
            if (facts.Plan is { } plan) session.Insert(plan);
            if (facts.Opportunity is { } opportunity) session.Insert(opportunity);
            if (facts.Event is { } trigger) session.Insert(trigger);
            session.Insert(new EvaluationDate(facts.Today, facts.Now));
            session.Insert(parameters);
            session.Fire();
        }
        catch (Exception e) when (e is not RuleEvaluationException)
        {
            throw new RuleEvaluationException($"code-defined rule set '{Name}' failed: {e.Message}", e);
        }

        return new RuleSetDecision
        {
            Outcome = log.Outcome,
            ReasonCode = log.ReasonCode,
            Message = log.Message,
            FiredRules = log.FiredRules(),
            Explanation = recorder?.Explain(Name, _agenda, log.HaltedBy),
        };
    }
}
