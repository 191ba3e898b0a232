using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using RuleSuspension.Workflows.Validation;

namespace RuleSuspension.Workflows.Definitions;

/// <summary>
/// Reads and writes the definition JSON. Reading is by hand rather than by the serializer so that every shape problem
/// is reported with its JSON path, all at once, instead of stopping at the first.
/// </summary>
public static class WorkflowJson
{
    private static readonly string[] RootMembers = ["$schema", "id", "version", "name", "description", "start", "triggers", "variables", "activities", "connections", "status"];
    private static readonly string[] TriggerMembers = ["event", "filter", "schedule"];
    private static readonly string[] VariableMembers = ["name", "type", "default"];
    private static readonly string[] ActivityMembers = ["id", "type", "name", "properties", "position"];
    private static readonly string[] ConnectionMembers = ["from", "outcome", "to"];

    /// <summary>The variable types a definition may declare.</summary>
    public static IReadOnlyList<string> VariableTypes { get; } = ["string", "number", "boolean", "json"];

    /// <summary>camelCase, nulls left out, indented: the stored and served form.</summary>
    public static JsonSerializerOptions SerializerOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Parses JSON text; a syntax error is reported with its line and column.</summary>
    public static WorkflowDefinition? Parse(string json, List<WorkflowValidationError> errors)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return Read(document.RootElement, errors);
        }
        catch (JsonException e)
        {
            var message = e.Message;
            var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            errors.Add(new WorkflowValidationError("$", "The JSON is malformed: " + (cut > 0 ? message[..cut] : message),
                Line: e.LineNumber is { } l ? (int)l + 1 : null, Column: e.BytePositionInLine is { } c ? (int)c + 1 : null));
            return null;
        }
    }

    /// <summary>Reads a definition, adding an error for every missing, mistyped or unknown member. Null when the root is not an object.</summary>
    public static WorkflowDefinition? Read(JsonElement root, List<WorkflowValidationError> errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new WorkflowValidationError("$", "A workflow definition must be a JSON object."));
            return null;
        }

        var reader = new ObjectReader(root, "$", errors, RootMembers);
        return new WorkflowDefinition
        {
            Id = reader.RequiredString("id"),
            Version = reader.OptionalInteger("version") ?? 0,
            Name = reader.RequiredString("name"),
            Description = reader.OptionalString("description"),
            Start = reader.RequiredString("start"),
            Triggers = reader.Array("triggers", required: false, ReadTrigger),
            Variables = reader.Array("variables", required: false, ReadVariable),
            Activities = reader.Array("activities", required: true, ReadActivity),
            Connections = reader.Array("connections", required: false, ReadConnection),
        };
    }

    /// <summary>Writes a definition as stored and served.</summary>
    public static string Write(WorkflowDefinition definition) => JsonSerializer.Serialize(definition, SerializerOptions);

    /// <summary>The definition as a JSON node, to add fields such as <c>status</c> when serving it.</summary>
    public static JsonObject ToNode(WorkflowDefinition definition) => JsonSerializer.SerializeToNode(definition, SerializerOptions)!.AsObject();

    /// <summary>
    /// SHA-256 of the content without its version number: the same flowchart saved as version 1 or 7 hashes alike,
    /// which is how the loader recognises a file it imported before.
    /// </summary>
    public static string ContentHash(WorkflowDefinition definition)
    {
        var compact = JsonSerializer.Serialize(definition with { Version = 0 }, new JsonSerializerOptions(SerializerOptions) { WriteIndented = false });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(compact)));
    }

    private static TriggerDefinition ReadTrigger(ObjectReader r)
    {
        var trigger = new TriggerDefinition { Event = r.OptionalString("event"), Filter = r.OptionalString("filter"), Schedule = r.OptionalString("schedule") };
        if ((trigger.Event is null) == (trigger.Schedule is null))
        {
            r.Error("A trigger has either 'event' or 'schedule'.");
        }
        else if (trigger.Schedule is not null && trigger.Filter is not null)
        {
            r.Error("A schedule trigger has no 'filter'.", "filter");
        }

        return trigger;
    }

    private static VariableDefinition ReadVariable(ObjectReader r)
    {
        var type = r.OptionalString("type") ?? "json";
        if (!VariableTypes.Contains(type))
        {
            r.Error($"Unknown variable type '{type}'; expected one of {string.Join(", ", VariableTypes)}.", "type");
        }

        return new VariableDefinition { Name = r.RequiredString("name"), Type = type, Default = r.Raw("default") };
    }

    private static ActivityDefinition ReadActivity(ObjectReader r) => new()
    {
        Id = r.RequiredString("id"),
        Type = r.RequiredString("type"),
        Name = r.OptionalString("name"),
        Properties = r.Raw("properties") switch
        {
            null => new Dictionary<string, JsonElement>(),
            { ValueKind: JsonValueKind.Object } p => p.EnumerateObject().ToDictionary(m => m.Name, m => m.Value.Clone()),
            _ => r.Fail("properties", "must be an object.", new Dictionary<string, JsonElement>()),
        },
        Position = r.Raw("position") switch
        {
            null => null,
            { ValueKind: JsonValueKind.Object } p when p.TryGetProperty("x", out var x) && p.TryGetProperty("y", out var y)
                && x.ValueKind == JsonValueKind.Number && y.ValueKind == JsonValueKind.Number => new DesignerPosition(x.GetDouble(), y.GetDouble()),
            _ => r.Fail<DesignerPosition?>("position", "must be an object with numbers 'x' and 'y'.", null),
        },
    };

    private static ConnectionDefinition ReadConnection(ObjectReader r)
        => new() { From = r.RequiredString("from"), Outcome = r.RequiredString("outcome"), To = r.RequiredString("to") };

    /// <summary>Reads members of one JSON object, reporting problems by path.</summary>
    private readonly struct ObjectReader
    {
        private readonly JsonElement _element;
        private readonly string _path;
        private readonly List<WorkflowValidationError> _errors;

        public ObjectReader(JsonElement element, string path, List<WorkflowValidationError> errors, string[] known)
        {
            _element = element;
            _path = path;
            _errors = errors;
            foreach (var member in element.EnumerateObject().Where(m => !known.Contains(m.Name)))
            {
                errors.Add(new WorkflowValidationError($"{path}.{member.Name}", $"Unknown member '{member.Name}'; expected {string.Join(", ", known.Where(k => k != "$schema" && k != "status"))}."));
            }
        }

        public void Error(string message, string? member = null)
            => _errors.Add(new WorkflowValidationError(member is null ? _path : $"{_path}.{member}", message));

        public T Fail<T>(string member, string message, T fallback)
        {
            Error($"'{member}' {message}", member);
            return fallback;
        }

        public JsonElement? Raw(string member)
            => _element.TryGetProperty(member, out var value) && value.ValueKind != JsonValueKind.Null ? value.Clone() : null;

        public string RequiredString(string member)
        {
            var text = OptionalString(member);
            if (text is null && Raw(member) is null)
            {
                Error($"'{member}' is required.", member);
            }
            else if (text is not null && string.IsNullOrWhiteSpace(text))
            {
                Error($"'{member}' must not be empty.", member);
            }

            return text ?? "";
        }

        public string? OptionalString(string member) => Raw(member) switch
        {
            null => null,
            { ValueKind: JsonValueKind.String } s => s.GetString(),
            _ => Fail<string?>(member, "must be a string.", null),
        };

        public int? OptionalInteger(string member) => Raw(member) switch
        {
            null => null,
            { ValueKind: JsonValueKind.Number } n when n.TryGetInt32(out var i) => i,
            _ => Fail<int?>(member, "must be an integer.", null),
        };

        public IReadOnlyList<T> Array<T>(string member, bool required, Func<ObjectReader, T> read)
        {
            switch (Raw(member))
            {
                case null:
                    if (required)
                    {
                        Error($"'{member}' is required.", member);
                    }

                    return [];
                case { ValueKind: JsonValueKind.Array } array:
                    var items = new List<T>();
                    var index = 0;
                    foreach (var item in array.EnumerateArray())
                    {
                        var path = $"{_path}.{member}[{index++}]";
                        if (item.ValueKind != JsonValueKind.Object)
                        {
                            _errors.Add(new WorkflowValidationError(path, "must be an object."));
                            continue;
                        }

                        items.Add(read(new ObjectReader(item, path, _errors, KnownFor(member))));
                    }

                    return items;
                default:
                    return Fail<IReadOnlyList<T>>(member, "must be an array.", []);
            }
        }

        private static string[] KnownFor(string member) => member switch
        {
            "triggers" => TriggerMembers,
            "variables" => VariableMembers,
            "activities" => ActivityMembers,
            _ => ConnectionMembers,
        };
    }
}
