using System.Text.Json;
using RuleSuspension.Rules;

namespace RuleSuspension.Application.RuleSets;

/// <summary>Reads and checks rule set documents, turning the engine's errors into the API's.</summary>
public static class RuleSetDocuments
{
    /// <summary>Parses and compiles <paramref name="json"/>; throws <see cref="InvalidDocumentException"/> with every error.</summary>
    public static (RuleSetDocument Document, CompiledRuleSet Compiled) ParseAndCompile(string json, string? expectedName = null)
    {
        var parsed = RuleSetDocument.Parse(json);
        if (!parsed.Succeeded)
        {
            throw Invalid(parsed.Errors);
        }

        var document = parsed.Document!;
        if (document.Kind is not (null or RuleSetKinds.Data) || document.Source is not null)
        {
            throw new InvalidDocumentException("rule set", [new DocumentError(document.Source is null ? "$.kind" : "$.source", null, null,
                "Only data-defined rule sets (kind 'data') can be saved; code-defined sets are built from C# and loaded from Rules:Assemblies.")]);
        }

        if (expectedName is not null && document.Name != expectedName)
        {
            throw new InvalidDocumentException("rule set", [new DocumentError("$.name", null, null, $"The document's name '{document.Name}' differs from the name in the route '{expectedName}'.")]);
        }

        var compilation = RuleSetCompiler.Compile(document);
        return compilation.Succeeded ? (document, compilation.RuleSet!) : throw Invalid(compilation.Errors);
    }

    /// <summary>Checks parameter values against the declared types and bounds; unknown names are errors.</summary>
    public static void ValidateValues(RuleSetDocument document, IReadOnlyDictionary<string, JsonElement> values, InputLimits? limits = null)
    {
        limits ??= InputLimits.Default;
        var errors = new List<DocumentError>();
        foreach (var (name, value) in values)
        {
            if (SizeProblem(value, $"$.values.{name}", limits) is { } tooBig)
            {
                errors.Add(tooBig);
                continue;
            }

            var definition = document.Parameters.FirstOrDefault(p => p.Name == name);
            if (definition is null)
            {
                errors.Add(new DocumentError($"$.values.{name}", null, null, $"'{document.Name}' has no parameter '{name}'; it has {string.Join(", ", document.Parameters.Select(p => p.Name))}."));
                continue;
            }

            errors.AddRange(definition.Validate(value).Select(problem => new DocumentError($"$.values.{name}", null, null, problem)));
        }

        if (errors.Count > 0)
        {
            throw new InvalidDocumentException("parameter values", errors);
        }
    }

    /// <summary>Lists and maps of a value (graceDaysByPlan) have at most <see cref="InputLimits.ListItems"/> entries, keyed by ids; its texts are labels.</summary>
    private static DocumentError? SizeProblem(JsonElement value, string path, InputLimits limits)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Array:
                if (value.GetArrayLength() > limits.ListItems)
                {
                    return new DocumentError(path, null, null, $"must have at most {limits.ListItems} items.");
                }

                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (SizeProblem(item, $"{path}[{i++}]", limits) is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
            case JsonValueKind.Object:
                var count = 0;
                foreach (var entry in value.EnumerateObject())
                {
                    if (++count > limits.ListItems)
                    {
                        return new DocumentError(path, null, null, $"must have at most {limits.ListItems} entries.");
                    }

                    if (InputLimits.IdProblem(entry.Name) is { } badKey)
                    {
                        return new DocumentError($"{path}.{entry.Name}", null, null, $"The key {badKey}");
                    }

                    if (SizeProblem(entry.Value, $"{path}.{entry.Name}", limits) is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
            case JsonValueKind.String:
                return InputLimits.TextProblem(value.GetString()!, limits.LabelLength) is { } text ? new DocumentError(path, null, null, text) : null;
            default:
                return null;
        }
    }

    public static InvalidDocumentException Invalid(IEnumerable<RuleError> errors)
        => new("rule set", errors.Select(e => new DocumentError(e.Path, e.Line, e.Column, e.Message)).ToList());
}
