namespace RuleSuspension.Domain.Decisions;

/// <summary>
/// One automatic decision as it was made: the facts the rules read (JSON, as far as the rules read them), the rule
/// set's form, name and version (with the assembly identity of a code-defined set), the parameter values in effect,
/// and the result. Never changed: a replay evaluates the same facts with the same version again.
/// </summary>
public sealed class DecisionRecord
{
    private DecisionRecord()
    {
        CustomerId = Origin = RuleSetKind = RuleSetName = Parameters = Facts = Outcome = FiredRules = null!;
    }

    public DecisionRecord(
        string customerId, DateTimeOffset decidedAt, string origin, string ruleSetKind, string ruleSetName, int ruleSetVersion, string? ruleSetSource,
        string parameters, string facts, string outcome, string? reasonCode, string? message, string firedRules)
    {
        Id = Guid.NewGuid();
        CustomerId = customerId;
        DecidedAt = decidedAt.ToUniversalTime();
        Origin = origin;
        RuleSetKind = ruleSetKind;
        RuleSetName = ruleSetName;
        RuleSetVersion = ruleSetVersion;
        RuleSetSource = ruleSetSource;
        Parameters = parameters;
        Facts = facts;
        Outcome = outcome;
        ReasonCode = reasonCode;
        Message = message;
        FiredRules = firedRules;
    }

    public Guid Id { get; private set; }

    public string CustomerId { get; private set; }

    public DateTimeOffset DecidedAt { get; private set; }

    /// <summary>What asked: <c>workflow</c> (an EvaluateRuleSet step) or <c>overdue-check</c>.</summary>
    public string Origin { get; private set; }

    /// <summary><c>data</c> or <c>nrules</c>.</summary>
    public string RuleSetKind { get; private set; }

    public string RuleSetName { get; private set; }

    public int RuleSetVersion { get; private set; }

    /// <summary>A code-defined set's assembly identity and content hash; null for data-defined sets.</summary>
    public string? RuleSetSource { get; private set; }

    /// <summary>Every parameter's value in effect (defaults with finance's values on top), as a JSON object.</summary>
    public string Parameters { get; private set; }

    /// <summary>The fact set the rules were given, as JSON.</summary>
    public string Facts { get; private set; }

    /// <summary><c>none</c>, <c>warn</c>, <c>review</c> or <c>suspend</c>.</summary>
    public string Outcome { get; private set; }

    public string? ReasonCode { get; private set; }

    public string? Message { get; private set; }

    /// <summary>The rules that fired with their actions, as JSON.</summary>
    public string FiredRules { get; private set; }
}
