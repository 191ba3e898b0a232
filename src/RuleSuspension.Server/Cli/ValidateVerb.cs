using System.CommandLine;
using RuleSuspension.Application;
using RuleSuspension.Application.RuleSets;

namespace RuleSuspension.Server.Cli;

/// <summary><c>validate PATH</c>: checks rule set files (a file or every <c>*.json</c> of a directory) without a server.</summary>
internal static class ValidateVerb
{
    public static Command Create()
    {
        var path = new Argument<string>("PATH") { Description = "A rule set file, or a directory of them." };
        var command = new Command("validate", "Check rule set documents; prints every error with its path, line and column.");
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

        try
        {
            RuleSetDocuments.ParseAndCompile(await File.ReadAllTextAsync(file, ct));
            return [];
        }
        catch (InvalidDocumentException invalid)
        {
            return invalid.Errors;
        }
    }
}
