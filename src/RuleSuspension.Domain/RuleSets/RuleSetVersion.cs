namespace RuleSuspension.Domain.RuleSets;

/// <summary>
/// One version of a rule set: its document and the parameter values finance set. Versions are never changed;
/// editing the rules or a threshold adds a version, so a decision can always name the exact rules that made it.
/// </summary>
public sealed class RuleSetVersion
{
    private RuleSetVersion()
    {
        Name = Document = ParameterValues = CreatedBy = Change = null!;
    }

    public RuleSetVersion(string name, int version, string document, string parameterValues, string createdBy, string change, DateTimeOffset createdAt)
    {
        Id = Guid.NewGuid();
        Name = name;
        Version = version;
        Document = document;
        ParameterValues = parameterValues;
        CreatedBy = createdBy;
        Change = change;
        CreatedAt = createdAt.ToUniversalTime();
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public int Version { get; private set; }

    /// <summary>The rule set document as JSON.</summary>
    public string Document { get; private set; }

    /// <summary>A JSON object of parameter values that override the document's defaults.</summary>
    public string ParameterValues { get; private set; }

    public string CreatedBy { get; private set; }

    /// <summary>What made this version: <c>loaded</c>, <c>edited</c> or <c>parameters</c>.</summary>
    public string Change { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
