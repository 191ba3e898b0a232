using System.CommandLine;
using System.Text.Json;
using RuleSuspension.Application;
using RuleSuspension.Application.RuleSets;
using RuleSuspension.Workflows.Definitions;
using RuleSuspension.Workflows.Validation;

namespace RuleSuspension.Server.Cli;

/// <summary>
/// <c>validate PATH</c>: checks workflow definitions and rule sets (a file, or every <c>*.json</c> under a directory)
/// without a server; a file with <c>activities</c> is a workflow, any other a rule set.
/// </summary>
internal static class ValidateVerb
{
    public static Command Create()
    {
        var path = new Argument<string>("PATH") { Description = "A workflow or rule set file, or a directory of them (e.g. workflows)." };
        var command = new Command("validate", "Check workflow definitions and rule sets; prints every error with its path, line and column.");
        command.Arguments.Add(path);
        command.SetAction(async (result, ct) =>
        {
            var target = result.GetValue(path)!;
            var files = Directory.Exists(target) ? Directory.GetFiles(target, "*.json", SearchOption.AllDirectories).Order().ToArray() : [target];
            var invalid = 0;
            foreach (var file in files)
            {
                var errors = await ValidateFile(file, ct);
                invalid += errors.Count == 0 ? 0 : 1;
                Console.WriteLine(errors.Count == 0 ? $"ok    {file}" : $"FAIL  {file}");
                foreach (var error in errors)
                {
                    Console.WriteLine(error.Line is null ? $"      {error.Path}: {error.Message}" : $"      {error.Path} ({error.Line}:{error.Column}): {error.Message}");
                }
            }

            Console.WriteLine($"{files.Length - invalid} valid, {invalid} invalid");
            return invalid == 0 ? 0 : 1;
        });
        return command;
    }

    private static async Task<IReadOnlyList<DocumentError>> ValidateFile(string file, CancellationToken ct)
    {
        if (!File.Exists(file))
        {
            return [new DocumentError("$", null, null, "no such file")];
        }

        var text = await File.ReadAllTextAsync(file, ct);
        if (IsWorkflow(text))
        {
            var errors = new List<WorkflowValidationError>();
            if (WorkflowJson.Parse(text, errors) is { } definition)
            {
                errors.AddRange(WorkflowValidator.Validate(definition));
            }

            return errors.Select(e => new DocumentError(e.Path, e.Line, e.Column, e.Message)).ToList();
        }

        try
        {
            RuleSetDocuments.ParseAndCompile(text);
            return [];
        }
        catch (InvalidDocumentException invalid)
        {
            return invalid.Errors;
        }
    }

    private static bool IsWorkflow(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("activities", out _);
        }
        catch (JsonException)
        {
            // Not JSON at all: the rule set reader reports where.
            return false;
        }
    }
}
