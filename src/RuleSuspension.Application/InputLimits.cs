using System.Globalization;
using RuleSuspension.Application.Events;

namespace RuleSuspension.Application;

/// <summary>
/// How large, long or far every input may be, in one place. Bound from the <c>Limits</c> section of the
/// configuration; the README's "Limits" table lists each one. The column sizes of the database are the ceiling of the
/// text limits, so an operator may lower them, not raise them past the column.
/// </summary>
public sealed record InputLimits
{
    /// <summary>Every kind of id (customers, invoices, events, tenants, plans, opportunities, workflows, rule sets): the id columns' size.</summary>
    public const int IdLength = 128;

    /// <summary>The columns that hold a reason a person writes (suspension, lift, task).</summary>
    public const int ReasonColumn = 2000;

    /// <summary>The customer's name column.</summary>
    public const int NameColumn = 512;

    /// <summary>The customer's email column.</summary>
    public const int EmailColumn = 320;

    /// <summary>The narrowest column a label goes to (an API key's name).</summary>
    public const int LabelColumn = 128;

    public static InputLimits Default { get; } = new();

    /// <summary>Customer names.</summary>
    public int NameLength { get; init; } = 200;

    /// <summary>Emails: the customer's and its account managers'.</summary>
    public int EmailLength { get; init; } = 254;

    /// <summary>Short labels: tags, key names, plan and board names, CRM stages, strings in parameter values.</summary>
    public int LabelLength { get; init; } = 100;

    /// <summary>A reason a person writes (manual suspension, lift, task completion).</summary>
    public int ReasonLength { get; init; } = ReasonColumn;

    /// <summary>Items in a list of a customer (tags, account managers) and entries of a parameter map (graceDaysByPlan).</summary>
    public int ListItems { get; init; } = 100;

    /// <summary>The largest amount (invoices, opportunity values), in the currency's units.</summary>
    public decimal MaxAmount { get; init; } = 1_000_000_000_000m;

    /// <summary>Digits after the decimal point of an amount.</summary>
    public int AmountScale { get; init; } = 4;

    /// <summary>How long ago an event's <c>occurredAt</c> may be.</summary>
    public TimeSpan EventMaxAge { get; init; } = TimeSpan.FromDays(3650);

    /// <summary>How far ahead of the server's clock an event's <c>occurredAt</c> may be (clock skew).</summary>
    public TimeSpan EventMaxLead { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The earliest and latest calendar date any input may name (invoices' dates, payments, an overdue check's as-of).</summary>
    public DateOnly EarliestDate { get; init; } = new(1970, 1, 1);

    public DateOnly LatestDate { get; init; } = new(2199, 12, 31);

    /// <summary>A request body, in bytes.</summary>
    public long MaxBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>Nesting of a JSON body (objects and arrays).</summary>
    public int MaxJsonDepth { get; init; } = 64;

    /// <summary>Events in their unit of work at once and waiting for a turn (<c>Limits:Ingestion</c>).</summary>
    public IngestionLimits Ingestion { get; init; } = new();

    /// <summary>Why an id is refused, or null when it is a good id: 1–128 printable characters, none of <c>/ \ % ? #</c>, no whitespace, not <c>.</c> or <c>..</c>.</summary>
    public static string? IdProblem(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return "is required.";
        }

        if (id.Length > IdLength)
        {
            return $"must be at most {IdLength} characters (it has {id.Length}).";
        }

        if (id is "." or "..")
        {
            return "must not be '.' or '..'.";
        }

        for (var i = 0; i < id.Length; i++)
        {
            if (id[i] is '/' or '\\' or '%' or '?' or '#')
            {
                return $"must not contain '{id[i]}' (at position {i + 1}): ids are used in routes.";
            }

            if (!IsPrintable(id, i, allowSpace: false))
            {
                return $"must contain only printable characters without spaces (U+{(int)id[i]:X4} at position {i + 1}).";
            }

            if (char.IsHighSurrogate(id[i]))
            {
                i++;
            }
        }

        return null;
    }

    /// <summary>Why a free text is refused, or null: at most <paramref name="max"/> characters, no control or unpaired surrogate characters (tabs and line breaks are allowed in multi-line text).</summary>
    public static string? TextProblem(string text, int max, bool multiLine = false)
    {
        if (text.Length > max)
        {
            return $"must be at most {max} characters (it has {text.Length}).";
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (multiLine && text[i] is '\n' or '\r' or '\t')
            {
                continue;
            }

            if (!IsPrintable(text, i, allowSpace: true))
            {
                return $"must not contain control or invisible formatting characters (U+{(int)text[i]:X4} at position {i + 1}).";
            }

            if (char.IsHighSurrogate(text[i]))
            {
                i++;
            }
        }

        return null;
    }

    /// <summary>Why a reason a person writes is refused, or null: at least one visible character, at most <see cref="ReasonLength"/>.</summary>
    public string? ReasonProblem(string? reason)
    {
        if (string.IsNullOrEmpty(reason) || !HasVisibleCharacter(reason))
        {
            return "needs at least one visible character.";
        }

        return TextProblem(reason, ReasonLength, multiLine: true);
    }

    /// <summary>Why an amount is refused, or null: between 0 and <see cref="MaxAmount"/> with at most <see cref="AmountScale"/> decimals.</summary>
    public string? AmountProblem(decimal amount, bool mayBeNegative = false)
    {
        if (amount > MaxAmount || (mayBeNegative ? amount < -MaxAmount : amount < 0))
        {
            return mayBeNegative
                ? $"must be between -{MaxAmount.ToString(CultureInfo.InvariantCulture)} and {MaxAmount.ToString(CultureInfo.InvariantCulture)}."
                : $"must be between 0 and {MaxAmount.ToString(CultureInfo.InvariantCulture)}.";
        }

        return amount.Scale > AmountScale && amount != Math.Round(amount, AmountScale)
            ? $"must have at most {AmountScale} decimals."
            : null;
    }

    /// <summary>Why a date is refused, or null: within <see cref="EarliestDate"/>..<see cref="LatestDate"/>.</summary>
    public string? DateProblem(DateOnly date)
        => date < EarliestDate || date > LatestDate
            ? $"must be between {EarliestDate:yyyy-MM-dd} and {LatestDate:yyyy-MM-dd}."
            : null;

    /// <summary>Why an event's time is refused, or null: not more than <see cref="EventMaxAge"/> ago nor <see cref="EventMaxLead"/> ahead of <paramref name="now"/>.</summary>
    public string? EventTimeProblem(DateTimeOffset occurredAt, DateTimeOffset now)
    {
        if (occurredAt > now + EventMaxLead)
        {
            return $"must not be more than {EventMaxLead} ahead of the server's clock ({now:O}).";
        }

        return occurredAt < now - EventMaxAge
            ? $"must not be more than {EventMaxAge.TotalDays:0} days ago."
            : null;
    }

    /// <summary>Letters, digits, punctuation or symbols: what a reader sees. Spaces, controls, formatting (zero-width) and lone marks are not.</summary>
    public static bool HasVisibleCharacter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text, i))
            {
                continue;
            }

            switch (CharUnicodeInfo.GetUnicodeCategory(text, i))
            {
                case UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned
                    or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpaceSeparator
                    or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse:
                    continue;
                default:
                    // A few letters and symbols are drawn as nothing (fillers, the blank Braille pattern).
                    if (text[i] is '\u115F' or '\u1160' or '\u3164' or '\uFFA0' or '\u2800')
                    {
                        continue;
                    }

                    return true;
            }
        }

        return false;
    }

    private static bool IsPrintable(string text, int index, bool allowSpace)
    {
        // Most text is ASCII: printable from the space to the tilde.
        if (text[index] < 0x80)
        {
            return text[index] is > ' ' and < '\u007F' || (allowSpace && text[index] == ' ');
        }

        if (char.IsSurrogate(text[index]) && !char.IsSurrogatePair(text, index))
        {
            return false;
        }

        if (char.IsWhiteSpace(text, index))
        {
            return allowSpace && text[index] == ' ';
        }

        // Zero-width joiners are part of how some scripts and emoji are written; ids have no use for them.
        if (allowSpace && text[index] is '\u200C' or '\u200D')
        {
            return true;
        }

        return CharUnicodeInfo.GetUnicodeCategory(text, index) is not (UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.OtherNotAssigned);
    }
}
