namespace RuleSuspension.Rules;

/// <summary>An evaluation failed: a rule threw at runtime, the cycle bound was reached, or a parameter override is invalid.</summary>
public sealed class RuleEvaluationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RuleEvaluationException(string message, Exception? inner = null) : base(message, inner) { }
}
