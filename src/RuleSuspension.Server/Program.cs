using Microsoft.Extensions.Options;
using RuleSuspension.Server.Cli;
using RuleSuspension.Server.Hosting;

try
{
    return await Verbs.Root().Parse(args).InvokeAsync(new() { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (e is SettingsException or OptionsValidationException)
{
    // A setting that cannot be used: one line naming the key and the rule, not a stack trace.
    Console.Error.WriteLine(e.Message);
    return 1;
}

/// <summary>The entry point; public so that tests can host the server in process.</summary>
public partial class Program;
