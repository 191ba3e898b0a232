using RuleSuspension.Server.Cli;

return await Verbs.Root().Parse(args).InvokeAsync();

/// <summary>The entry point; public so that tests can host the server in process.</summary>
public partial class Program;
