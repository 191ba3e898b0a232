using BenchmarkDotNet.Running;

namespace RuleSuspension.Benchmarks;

/// <summary>Runs the benchmark classes of this assembly; pick them with --filter (e.g. --filter '*Rules*').</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
