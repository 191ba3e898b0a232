using System.Text.Json.Nodes;
using RuleSuspension.Workflows.Definitions;

namespace RuleSuspension.Workflows.Catalog;

/// <summary>
/// The JSON Schema (draft 2020-12) of a definition, built from the catalogue so that it never disagrees with it.
/// The designer uses it for editing help; the validator checks the same structure by hand to report JSON paths.
/// </summary>
public static class WorkflowSchema
{
    private static readonly Lazy<string> Text = new(() => Build().ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));

    /// <summary>The schema as JSON text.</summary>
    public static string Json => Text.Value;

    /// <summary>A fresh copy of the schema of definitions over <paramref name="activities"/> (by default the product's).</summary>
    public static JsonObject Build(ActivityCatalog? activities = null)
    {
        var catalog = activities ?? ActivityCatalog.Default;
        var activityVariants = new JsonArray();
        foreach (var descriptor in catalog.All)
        {
            var properties = new JsonObject();
            foreach (var property in descriptor.Properties)
            {
                var schema = PropertySchema(property.Type);
                schema["description"] = property.Description;
                if (property.Options is { } options)
                {
                    schema["enum"] = new JsonArray(options.Select(o => (JsonNode)JsonValue.Create(o)!).ToArray());
                }

                properties[property.Name] = schema;
            }

            activityVariants.Add(new JsonObject
            {
                ["if"] = new JsonObject { ["properties"] = new JsonObject { ["type"] = new JsonObject { ["const"] = descriptor.Type } } },
                ["then"] = new JsonObject
                {
                    ["properties"] = new JsonObject
                    {
                        ["properties"] = new JsonObject
                        {
                            ["type"] = "object",
                            ["properties"] = properties,
                            ["required"] = Strings(descriptor.Properties.Where(p => p.Required).Select(p => p.Name)),
                            ["additionalProperties"] = false,
                        },
                    },
                },
            });
        }

        return new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "https://rulesuspension.local/schemas/workflow.json",
            ["title"] = "RuleSuspension workflow definition",
            ["type"] = "object",
            ["required"] = Strings(["id", "name", "start", "activities"]),
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject
            {
                ["$schema"] = new JsonObject { ["type"] = "string" },
                ["id"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[a-z0-9][a-z0-9._-]*$", ["maxLength"] = 128 },
                ["version"] = new JsonObject { ["type"] = "integer", ["minimum"] = 0, ["description"] = "Assigned by the server." },
                ["name"] = new JsonObject { ["type"] = "string", ["minLength"] = 1 },
                ["description"] = new JsonObject { ["type"] = "string" },
                ["status"] = new JsonObject { ["enum"] = Strings(["draft", "published", "retired"]), ["description"] = "Read only." },
                ["start"] = new JsonObject { ["type"] = "string", ["description"] = "The id of the first activity." },
                ["triggers"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = "#/$defs/trigger" } },
                ["variables"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = "#/$defs/variable" } },
                ["activities"] = new JsonObject { ["type"] = "array", ["minItems"] = 1, ["items"] = new JsonObject { ["$ref"] = "#/$defs/activity" } },
                ["connections"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = "#/$defs/connection" } },
            },
            ["$defs"] = new JsonObject
            {
                ["trigger"] = new JsonObject
                {
                    ["type"] = "object",
                    ["additionalProperties"] = false,
                    ["properties"] = new JsonObject
                    {
                        ["event"] = new JsonObject { ["type"] = "string" },
                        ["filter"] = new JsonObject { ["type"] = "string", ["description"] = "A rule-language condition." },
                        ["schedule"] = new JsonObject { ["type"] = "string" },
                    },
                    ["oneOf"] = new JsonArray(
                        new JsonObject { ["required"] = Strings(["event"]) },
                        new JsonObject { ["required"] = Strings(["schedule"]), ["not"] = new JsonObject { ["required"] = Strings(["filter"]) } }),
                },
                ["variable"] = new JsonObject
                {
                    ["type"] = "object",
                    ["additionalProperties"] = false,
                    ["required"] = Strings(["name"]),
                    ["properties"] = new JsonObject
                    {
                        ["name"] = new JsonObject { ["type"] = "string" },
                        ["type"] = new JsonObject { ["enum"] = Strings(WorkflowJson.VariableTypes) },
                        ["default"] = new JsonObject(),
                    },
                },
                ["activity"] = new JsonObject
                {
                    ["type"] = "object",
                    ["additionalProperties"] = false,
                    ["required"] = Strings(["id", "type"]),
                    ["properties"] = new JsonObject
                    {
                        ["id"] = new JsonObject { ["type"] = "string", ["minLength"] = 1 },
                        ["type"] = new JsonObject { ["enum"] = Strings(catalog.All.Select(d => d.Type)) },
                        ["name"] = new JsonObject { ["type"] = "string" },
                        ["properties"] = new JsonObject { ["type"] = "object" },
                        ["position"] = new JsonObject
                        {
                            ["type"] = "object",
                            ["required"] = Strings(["x", "y"]),
                            ["properties"] = new JsonObject { ["x"] = new JsonObject { ["type"] = "number" }, ["y"] = new JsonObject { ["type"] = "number" } },
                        },
                    },
                    ["allOf"] = activityVariants,
                },
                ["connection"] = new JsonObject
                {
                    ["type"] = "object",
                    ["additionalProperties"] = false,
                    ["required"] = Strings(["from", "outcome", "to"]),
                    ["properties"] = new JsonObject
                    {
                        ["from"] = new JsonObject { ["type"] = "string" },
                        ["outcome"] = new JsonObject { ["type"] = "string" },
                        ["to"] = new JsonObject { ["type"] = "string" },
                    },
                },
            },
        };
    }

    private static JsonObject PropertySchema(string type) => type switch
    {
        PropertyTypes.StringList => new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
        PropertyTypes.Json => new JsonObject(),
        PropertyTypes.Duration => new JsonObject { ["type"] = "string", ["pattern"] = "^P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?$" },
        _ => new JsonObject { ["type"] = "string" },
    };

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());
}
