using System.Diagnostics;
using System.Runtime;
using Microsoft.Extensions.Logging;

namespace RuleSuspension.Infrastructure.Hosting;

/// <summary>
/// Where a start spends its time: each phase of the start logged at Debug with the wall clock and the process's CPU
/// time since the process began (the CPU time varies far less than the wall clock on a loaded machine), and how
/// much of it the JIT took. Off unless
/// <c>Serilog:MinimumLevel:Override:RuleSuspension.Infrastructure.Hosting.StartTimeline=Debug</c>; docs/performance.md
/// ("Start to healthy") shows a timeline read this way.
/// </summary>
public sealed class StartTimeline(ILogger<StartTimeline> logger)
{
    public void Mark(string phase)
    {
        if (!logger.IsEnabled(LogLevel.Debug))
        {
            return;
        }

        using var process = Process.GetCurrentProcess();
        var wall = DateTime.Now - process.StartTime;
        logger.LogDebug(
            "Start: {Phase} at {WallMs:0} ms wall, {CpuMs:0} ms CPU, {JitMethods} methods JIT-compiled in {JitMs:0} ms",
            phase, wall.TotalMilliseconds, Environment.CpuUsage.TotalTime.TotalMilliseconds, JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime().TotalMilliseconds);
    }
}
