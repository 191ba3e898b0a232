using System.Text.Json;
using System.Text.Json.Serialization;

namespace RuleSuspension.Rules;

/// <summary>What a rule set decided, from the strongest action fired: suspend &gt; review &gt; warn &gt; none.</summary>
[JsonConverter(typeof(DecisionOutcomeJsonConverter))]
public enum DecisionOutcome
{
    /// <summary>No suspend, review or warn action fired.</summary>
    None = 0,
    /// <summary>Notify (warn) the customer's account managers.</summary>
    Warn = 1,
    /// <summary>Flag the customer for a person to review.</summary>
    Review = 2,
    /// <summary>Suspend the customer.</summary>
    Suspend = 3,
}

/// <summary>The result of one evaluation of a rule set.</summary>
public sealed record RuleSetDecision
{
    /// <summary>The strongest action fired.</summary>
    public DecisionOutcome Outcome { get; init; }
    /// <summary>Reason code of the first fired action of that strength; null for <see cref="DecisionOutcome.None"/>.</summary>
    public string? ReasonCode { get; init; }
    /// <summary>Message of that action.</summary>
    public string? Message { get; init; }
    /// <summary>The rules that fired, in firing order.</summary>
    public IReadOnlyList<FiredRule> FiredRules { get; init; } = [];
    /// <summary>Why each rule fired or not; null unless the evaluation asked for an explanation.</summary>
    public RuleSetExplanation? Explanation { get; init; }
}

/// <summary>A rule that fired, with the actions it ran.</summary>
public sealed record FiredRule(string Rule, int Priority, IReadOnlyList<FiredAction> Actions);

/// <summary>An action a fired rule ran. <see cref="Message"/> is interpolated.</summary>
public sealed record FiredAction(string Type, string? ReasonCode, string? Message, string? Fact);

/// <summary>Writes outcomes as the lowercase words rule authors use: <c>"none"</c>, <c>"warn"</c>, <c>"review"</c>, <c>"suspend"</c>.</summary>
public sealed class DecisionOutcomeJsonConverter : JsonConverter<DecisionOutcome>
{
    /// <inheritdoc />
    public override DecisionOutcome Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString() switch
        {
            "none" => DecisionOutcome.None,
            "warn" => DecisionOutcome.Warn,
            "review" => DecisionOutcome.Review,
            "suspend" => DecisionOutcome.Suspend,
            var other => throw new JsonException($"unknown decision outcome '{other}'"),
        };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DecisionOutcome value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Compilation.RuleRuntime.OutcomeName(value));
}
