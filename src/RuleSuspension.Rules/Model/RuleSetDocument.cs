using System.Text.Json;
using System.Text.Json.Serialization;

namespace RuleSuspension.Rules;

/// <summary>A rule set as authored and stored: parameters finance can tune, and prioritised rules.</summary>
public sealed record RuleSetDocument
{
    /// <summary>Options used to read and write rule-set JSON: camelCase, unknown members refused, comments allowed.</summary>
    public static JsonSerializerOptions SerializerOptions { get; } = CreateOptions();

    /// <summary>Unique name such as <c>non-payment</c>.</summary>
    public string Name { get; init; } = "";
    /// <summary>What the rule set decides, for people.</summary>
    public string? Description { get; init; }
    /// <summary>Informational version; the store versions documents itself.</summary>
    public int Version { get; init; }
    /// <summary>
    /// The authoring form: null or <c>data</c> for a document in the rule language; <c>nrules</c> for the catalogue
    /// entry of a code-defined set, whose rules carry names, priorities and descriptions but no conditions.
    /// </summary>
    public string? Kind { get; init; }
    /// <summary>Where a code-defined set comes from: the assembly's identity and the SHA-256 of its content.</summary>
    public string? Source { get; init; }
    /// <summary>Declared parameters (<c>params.x</c>).</summary>
    public IReadOnlyList<ParameterDefinition> Parameters { get; init; } = [];
    /// <summary>The rules, in declaration order (ties in priority fire in this order).</summary>
    public IReadOnlyList<RuleDefinition> Rules { get; init; } = [];

    /// <summary>
    /// Reads a document from JSON. JSON syntax errors carry line and column (1-based);
    /// shape errors (unknown or mistyped members) carry the JSON path.
    /// </summary>
    public static RuleSetParseResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var document = JsonSerializer.Deserialize<RuleSetDocument>(json, SerializerOptions);
            return document is null
                ? new RuleSetParseResult(null, [new RuleError("$", 1, 1, "a rule set must be a JSON object")])
                : new RuleSetParseResult(document, []);
        }
        catch (JsonException e)
        {
            var message = e.Message;
            var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            if (cut > 0) message = message[..cut];
            int? line = e.LineNumber is long l ? (int)l + 1 : null;
            int? column = e.BytePositionInLine is long c ? (int)c + 1 : null;
            return new RuleSetParseResult(null, [new RuleError(e.Path ?? "$", line, column, message)]);
        }
    }

    /// <summary>Writes the document as indented camelCase JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, SerializerOptions);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

/// <summary>The outcome of <see cref="RuleSetDocument.Parse"/>: a document, or the errors.</summary>
public sealed record RuleSetParseResult(RuleSetDocument? Document, IReadOnlyList<RuleError> Errors)
{
    /// <summary>True when <see cref="Document"/> is set.</summary>
    public bool Succeeded => Document is not null;
}
