using System.Globalization;
using System.Text.Json;
using RuleSuspension.Rules.Engine;

namespace RuleSuspension.Rules.Compilation;

/// <summary>
/// The only methods compiled rules call besides fact property getters: the allow-list of the language's
/// runtime. Null inputs give null (or false) rather than exceptions, as the language defines, and so does a result
/// out of range (an overflowing sum, a date past year 9999): no value of the facts makes an evaluation throw, except
/// the evaluation budget (<see cref="ItemBudgetSpent"/>).
/// </summary>
internal static class RuleRuntime
{
    public static string OutcomeName(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Suspend => "suspend",
        DecisionOutcome.Review => "review",
        DecisionOutcome.Warn => "warn",
        _ => "none",
    };

    /// <summary>Explanation mode: stores a term's value and passes it through.</summary>
    public static T Record<T>(EvaluationContext context, int term, T value)
    {
        context.TermValues[term] = value;
        context.TermEvaluated[term] = true;
        return value;
    }

    // ---- json ----
    public static JsonElement JsonProperty(JsonElement element, string? name) =>
        name is not null && element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    public static JsonElement JsonItem(JsonElement element, int index) =>
        element.ValueKind == JsonValueKind.Array && index >= 0 && index < element.GetArrayLength() ? element[index] : default;

    public static bool JsonIsNull(JsonElement element) => element.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null;

    public static bool JsonTruthy(JsonElement element) => JsonAsBoolean(element) == true;

    public static decimal? JsonAsNumber(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => element.TryGetDecimal(out var d) ? d : null,
        JsonValueKind.String => decimal.TryParse(element.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null,
        _ => null,
    };

    public static string? JsonAsString(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        _ => null,
    };

    public static bool? JsonAsBoolean(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => bool.TryParse(element.GetString(), out var b) ? b : null,
        _ => null,
    };

    public static DateOnly? JsonAsDate(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.String) return null;
        var text = element.GetString();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? DateOnly.FromDateTime(instant.DateTime) : null;
    }

    public static DateTimeOffset? JsonAsDateTime(JsonElement element) =>
        element.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(element.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant : null;

    public static bool JsonEquals(JsonElement left, JsonElement right) =>
        JsonIsNull(left) ? JsonIsNull(right) : !JsonIsNull(right) && JsonElement.DeepEquals(left, right);

    public static JsonElement JsonCoalesce(JsonElement left, JsonElement right) => JsonIsNull(left) ? right : left;

    // ---- maps and lists ----
    public static T? MapValue<T>(IReadOnlyDictionary<string, T>? map, string? key) where T : struct =>
        map is not null && key is not null && map.TryGetValue(key, out var value) ? value : null;

    public static T? MapReference<T>(IReadOnlyDictionary<string, T>? map, string? key) where T : class =>
        map is not null && key is not null && map.TryGetValue(key, out var value) ? value : null;

    public static JsonElement MapJson(IReadOnlyDictionary<string, JsonElement>? map, string? key) =>
        map is not null && key is not null && map.TryGetValue(key, out var value) ? value : default;

    public static T? ListValue<T>(IReadOnlyList<T>? list, int index) where T : struct =>
        list is not null && index >= 0 && index < list.Count ? list[index] : null;

    public static T? ListReference<T>(IReadOnlyList<T>? list, int index) where T : class =>
        list is not null && index >= 0 && index < list.Count ? list[index] : null;

    public static bool Contains<T>(IReadOnlyList<T>? list, T value)
    {
        if (list is null) return false;
        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < list.Count; i++)
            if (comparer.Equals(list[i], value)) return true;
        return false;
    }

    public static int Count<T>(IReadOnlyList<T>? list) => list?.Count ?? 0;

    /// <summary>A list index: a number outside the range of indexes (or null) reads no element.</summary>
    public static int ListIndex(decimal? index) => index is { } i && i >= int.MinValue && i <= int.MaxValue ? (int)i : -1;

    // ---- the evaluation budget (RuleLimits.MaxItemsPerEvaluation) ----

    /// <summary>Charges a list's length to the budget before it is searched; passes the list through.</summary>
    public static IReadOnlyList<T>? Charged<T>(EvaluationContext context, IReadOnlyList<T>? list)
    {
        if (list is not null && (context.ItemsLeft -= list.Count) < 0) ItemBudgetSpent();
        return list;
    }

    public static void ItemBudgetSpent() => throw new RuleEvaluationException(
        $"the evaluation visited more than {RuleLimits.MaxItemsPerEvaluation:N0} collection items (the evaluation budget); "
        + "nested collection methods over long lists multiply");

    // ---- strings (ordinal, culture-free) ----
    public static string? Lower(string? text) => text?.ToLowerInvariant();
    public static string? Upper(string? text) => text?.ToUpperInvariant();
    public static bool Contains(string? text, string? part) => text is not null && part is not null && text.Contains(part, StringComparison.Ordinal);
    public static bool StartsWith(string? text, string? part) => text is not null && part is not null && text.StartsWith(part, StringComparison.Ordinal);
    public static bool EndsWith(string? text, string? part) => text is not null && part is not null && text.EndsWith(part, StringComparison.Ordinal);
    public static int? Length(string? text) => text?.Length;
    public static string Concat(string? left, string? right) => string.Concat(left, right);

    // Messages of up to eight pieces are built in one allocation (params ReadOnlySpan overload: no array).
    public static string Concat(string? a, string? b, string? c, string? d, string? e) => string.Concat(a, b, c, d, e);
    public static string Concat(string? a, string? b, string? c, string? d, string? e, string? f) => string.Concat(a, b, c, d, e, f);
    public static string Concat(string? a, string? b, string? c, string? d, string? e, string? f, string? g) => string.Concat(a, b, c, d, e, f, g);
    public static string Concat(string? a, string? b, string? c, string? d, string? e, string? f, string? g, string? h) => string.Concat(a, b, c, d, e, f, g, h);
    public static int? CompareOrdinal(string? left, string? right) => left is null || right is null ? null : string.CompareOrdinal(left, right);

    // ---- numbers ----
    // Overflow (beyond ±79,228,162,514,264,337,593,543,950,335) yields null, as division by zero does.
    public static decimal? Add(decimal left, decimal right)
    {
        try { return left + right; }
        catch (OverflowException) { return null; }
    }

    public static decimal? Subtract(decimal left, decimal right)
    {
        try { return left - right; }
        catch (OverflowException) { return null; }
    }

    public static decimal? Multiply(decimal left, decimal right)
    {
        try { return left * right; }
        catch (OverflowException) { return null; }
    }

    /// <summary>One step of <c>sum</c>: once the sum has overflowed it stays null.</summary>
    public static decimal? SumStep(decimal? sum, decimal value) => sum is { } s ? Add(s, value) : null;

    public static decimal? Divide(decimal left, decimal right)
    {
        if (right == 0) return null;
        try { return left / right; }
        catch (OverflowException) { return null; }
    }

    public static decimal? Remainder(decimal left, decimal right) => right == 0 ? null : left % right;
    public static decimal Abs(decimal value) => Math.Abs(value);
    public static decimal Round(decimal value, decimal digits) => Math.Round(value, (int)Math.Clamp(digits, 0, 28), MidpointRounding.AwayFromZero);

    // ---- dates ----
    public static int DaysBetween(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;
    public static int DaysBetweenInstants(DateTimeOffset from, DateTimeOffset to) => (int)(to - from).TotalDays;
    // Dates before 0001-01-01 or after 9999-12-31 (and durations beyond TimeSpan's range) yield null.
    public static DateOnly? AddDays(DateOnly date, decimal days)
    {
        if (Math.Abs(days) > DateOnly.MaxValue.DayNumber) return null;
        var day = date.DayNumber + (int)days;
        return day >= DateOnly.MinValue.DayNumber && day <= DateOnly.MaxValue.DayNumber ? DateOnly.FromDayNumber(day) : null;
    }

    public static DateTimeOffset? AddDaysToInstant(DateTimeOffset instant, decimal days) =>
        Math.Abs(days) <= TimeSpan.MaxValue.Days ? InstantPlus(instant, TimeSpan.FromDays((double)days)) : null;

    public static DateOnly? DatePlus(DateOnly date, TimeSpan span) => AddDays(date, (int)span.TotalDays);
    public static DateOnly? DateMinus(DateOnly date, TimeSpan span) => AddDays(date, -(int)span.TotalDays);

    public static DateTimeOffset? InstantPlus(DateTimeOffset instant, TimeSpan span)
    {
        try { return instant + span; }
        catch (ArgumentOutOfRangeException) { return null; }
    }

    public static DateTimeOffset? InstantMinus(DateTimeOffset instant, TimeSpan span) =>
        span == TimeSpan.MinValue ? null : InstantPlus(instant, -span);

    public static TimeSpan? DurationPlus(TimeSpan left, TimeSpan right)
    {
        var ticks = (decimal)left.Ticks + right.Ticks;
        return ticks >= TimeSpan.MinValue.Ticks && ticks <= TimeSpan.MaxValue.Ticks ? new TimeSpan((long)ticks) : null;
    }

    public static TimeSpan? DurationMinus(TimeSpan left, TimeSpan right)
    {
        var ticks = (decimal)left.Ticks - right.Ticks;
        return ticks >= TimeSpan.MinValue.Ticks && ticks <= TimeSpan.MaxValue.Ticks ? new TimeSpan((long)ticks) : null;
    }

    public static TimeSpan? NegateDuration(TimeSpan span) => span == TimeSpan.MinValue ? null : -span;
    public static TimeSpan DateDifference(DateOnly left, DateOnly right) => TimeSpan.FromDays(left.DayNumber - right.DayNumber);
    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    // ---- message interpolation ----
    public static string Format(string? value) => value ?? "";
    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);
    public static string Format(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
    public static string Format(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
    public static string Format(bool value) => value ? "true" : "false";
    public static string Format(bool? value) => value is null ? "" : Format(value.Value);
    public static string Format(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public static string Format(DateOnly? value) => value is null ? "" : Format(value.Value);
    public static string Format(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);
    public static string Format(DateTimeOffset? value) => value is null ? "" : Format(value.Value);
    public static string Format(TimeSpan value) => FormatDuration(value);
    public static string Format(TimeSpan? value) => value is null ? "" : FormatDuration(value.Value);
    public static string Format(JsonElement value) => JsonIsNull(value) ? "" : JsonAsString(value) ?? value.GetRawText();
    public static string FormatList<T>(IReadOnlyList<T>? values) => values is null ? "" : string.Join(", ", values);

    private static string FormatDuration(TimeSpan value) =>
        value.Ticks % TimeSpan.TicksPerDay == 0 ? $"{(long)value.TotalDays}d"
        : value.Ticks % TimeSpan.TicksPerHour == 0 ? $"{(long)value.TotalHours}h"
        : value.Ticks % TimeSpan.TicksPerMinute == 0 ? $"{(long)value.TotalMinutes}m"
        : $"{value.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s";
}
