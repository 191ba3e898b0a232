using System.CommandLine;
using System.Text;
using System.Text.Json;
using RuleSuspension.Application;
using RuleSuspension.Application.RuleSets;
using RuleSuspension.Application.Workflows;

namespace RuleSuspension.Server.Cli;

/// <summary>
/// <c>validate PATH</c>: checks workflow definitions and rule sets (a file, or every <c>*.json</c> under a directory)
/// exactly as the API checks them: on the configured database as the server would find it at start, so a workflow
/// is checked against the configured lifting policy and the rule sets that exist there, and refused with the errors
/// publishing would give. A file with <c>activities</c> is a workflow, any other a rule set.
/// </summary>
internal static class ValidateVerb
{
    /// <summary>Files may carry comments and trailing commas, as the shipped workflows read at start may.</summary>
    private static readonly JsonDocumentOptions FileJson = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static Command Create()
    {
        var path = new Argument<string>("PATH") { Description = "A workflow or rule set file, or a directory of them (e.g. workflows)." };
        var command = new Command("validate", "Check workflow definitions and rule sets as the API does; prints every error with its path, line and column.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.Arguments.Add(path);
        command.SetAction((result, ct) => Verbs.WithServices(result, ct, async services =>
        {
            var output = result.InvocationConfiguration.Output;
            var target = result.GetValue(path)!;
            var files = Directory.Exists(target) ? Directory.GetFiles(target, "*.json", SearchOption.AllDirectories).Order().ToArray() : [target];
            var invalid = 0;
            foreach (var file in files)
            {
                var errors = await ValidateFile(file, services, ct);
                invalid += errors.Count == 0 ? 0 : 1;
                await output.WriteLineAsync(errors.Count == 0 ? $"ok    {file}" : $"FAIL  {file}");
                foreach (var error in errors)
                {
                    await output.WriteLineAsync(error.Line is null ? $"      {error.Path}: {error.Message}" : $"      {error.Path} ({error.Line}:{error.Column}): {error.Message}");
                }
            }

            await output.WriteLineAsync($"{files.Length - invalid} valid, {invalid} invalid");
            return invalid == 0 ? 0 : 1;
        }));
        return command;
    }

    private static async Task<IReadOnlyList<DocumentError>> ValidateFile(string file, IServiceProvider services, CancellationToken ct)
    {
        if (!File.Exists(file))
        {
            return [new DocumentError("$", null, null, "no such file")];
        }

        var text = await File.ReadAllTextAsync(file, ct);

        // What the API refuses before any route reads a body: a key given twice, a nesting too deep.
        if (JsonShape.FindProblem(Encoding.UTF8.GetBytes(text), services.GetRequiredService<InputLimits>().MaxJsonDepth) is { } shape)
        {
            return [new DocumentError(shape.Path, (int)shape.Line, (int)shape.Column, shape.Message)];
        }

        if (IsWorkflow(text))
        {
            using var json = JsonDocument.Parse(text, FileJson);
            var validation = await services.GetRequiredService<WorkflowDefinitions>().ValidateAsync(json.RootElement, ct);
            return validation.Errors.Select(e => new DocumentError(e.Path, e.Line, e.Column, e.Message)).ToList();
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
            using var document = JsonDocument.Parse(text, FileJson);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("activities", out _);
        }
        catch (JsonException)
        {
            // Not JSON at all: the rule set reader reports where.
            return false;
        }
    }
}
