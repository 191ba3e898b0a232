using System.Globalization;
using System.Text.Json;

namespace RuleSuspension.Application.Events;

/// <summary>Reads fields of a JSON object, recording a named error for each missing or mistyped one instead of throwing.</summary>
internal readonly struct DataReader(JsonElement element, string path, ValidationErrors errors)
{
    private bool IsObject => element.ValueKind == JsonValueKind.Object;

    public DataReader Object(string name)
    {
        if (Field(name, required: true) is { ValueKind: JsonValueKind.Object } value)
        {
            return new DataReader(value, Path(name), errors);
        }

        if (IsObject && element.TryGetProperty(name, out _))
        {
            errors.Add(Path(name), "must be an object.");
        }

        return new DataReader(default, Path(name), new ValidationErrors());
    }

    public string String(string name) => OptionalString(name, required: true) ?? string.Empty;

    public string? OptionalString(string name) => OptionalString(name, required: false);

    public bool? OptionalBoolean(string name) => Field(name, required: false) switch
    {
        null => null,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => Fail<bool?>(name, "must be true or false."),
    };

    public decimal Decimal(string name) => Number(name, required: true) ?? 0m;

    public decimal? OptionalDecimal(string name) => Number(name, required: false);

    public DateOnly Date(string name) => Date(name, required: true) ?? default;

    public DateOnly? OptionalDate(string name) => Date(name, required: false);

    private DateOnly? Date(string name, bool required)
    {
        var text = OptionalString(name, required);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        // A timestamp is accepted too; its date part is the date.
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? DateOnly.FromDateTime(at.UtcDateTime)
            : Fail<DateOnly>(name, "must be a date (yyyy-MM-dd).");
    }

    public DateTimeOffset Timestamp(string name)
    {
        var text = OptionalString(name, required: true);
        if (text is null)
        {
            return default;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.ToUniversalTime()
            : Fail<DateTimeOffset>(name, "must be an ISO 8601 timestamp.");
    }

    public IReadOnlyList<string> StringList(string name)
    {
        var value = Field(name, required: false);
        if (value is null or { ValueKind: JsonValueKind.Null })
        {
            return [];
        }

        if (value.Value.ValueKind != JsonValueKind.Array || value.Value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            return Fail<IReadOnlyList<string>>(name, "must be an array of strings.") ?? [];
        }

        return value.Value.EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    private string? OptionalString(string name, bool required)
    {
        var value = Field(name, required);
        if (value is null or { ValueKind: JsonValueKind.Null })
        {
            if (required && value is not null)
            {
                errors.Add(Path(name), "is required.");
            }

            return null;
        }

        if (value.Value.ValueKind != JsonValueKind.String)
        {
            return Fail<string>(name, "must be a string.");
        }

        var text = value.Value.GetString();
        if (required && string.IsNullOrWhiteSpace(text))
        {
            return Fail<string>(name, "must not be empty.");
        }

        return text;
    }

    private decimal? Number(string name, bool required)
    {
        var value = Field(name, required);
        if (value is null or { ValueKind: JsonValueKind.Null })
        {
            return null;
        }

        return value.Value.ValueKind == JsonValueKind.Number && value.Value.TryGetDecimal(out var number)
            ? number
            : Fail<decimal?>(name, "must be a number.");
    }

    private JsonElement? Field(string name, bool required)
    {
        if (!IsObject)
        {
            // The container's own error was reported where it was read.
            return null;
        }

        if (element.TryGetProperty(name, out var value))
        {
            return value;
        }

        if (required)
        {
            errors.Add(Path(name), "is required.");
        }

        return null;
    }

    private T? Fail<T>(string name, string message)
    {
        errors.Add(Path(name), message);
        return default;
    }

    private string Path(string name) => $"{path}.{name}";
}
