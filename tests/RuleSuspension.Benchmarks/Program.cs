using BenchmarkDotNet.Running;

namespace RuleSuspension.Benchmarks;

/// <summary>Runs the benchmark classes of this assembly; pick them with --filter (e.g. --filter '*Rules*').</summary>
public static class Program
{
    /// <remarks><c>--overdue sqlite|postgres [connection string]</c> runs the overdue-check benchmark instead, <c>--preview ...</c> the what-if preview on the same book (see OverdueCheck/).</remarks>
    public static async Task Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--overdue")
        {
            await OverdueCheck.OverdueCheckBenchmark.RunAsync(args[1..]);
            return;
        }

        if (args.Length > 0 && args[0] == "--preview")
        {
            await OverdueCheck.PreviewBenchmark.RunAsync(args[1..]);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
