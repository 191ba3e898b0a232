namespace RuleSuspension.Rules.NRules;

/// <summary>
/// The check's clock as a fact of every session (the language's <c>today</c> and <c>now</c>): match it rather than
/// reading the system clock, so an evaluation can be replayed.
/// </summary>
/// <param name="Today">The check's date in the tenant's time zone.</param>
/// <param name="Now">The check's instant.</param>
public sealed record EvaluationDate(DateOnly Today, DateTimeOffset Now);
