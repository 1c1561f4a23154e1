namespace KropotkinSite.Engine;

/// <summary>How long one step (a module's run in a pipeline) took: wall-clock time, the process's CPU time
/// (user and system, every thread) meanwhile, the bytes the process allocated meanwhile (which, unlike the
/// times, does not depend on what else the machine is doing), and how long the garbage collector paused the
/// process meanwhile. Pipelines run side by side, so the process's figures of a step may hold some of another's.
/// </summary>
public sealed record StepTiming(string Step, TimeSpan Wall, TimeSpan Cpu, long Allocated = 0,
    TimeSpan GcPaused = default)
{
    /// <summary>The process's CPU time, allocated bytes and GC pauses so far: what a step's figures are differences
    /// of.</summary>
    public static (TimeSpan Cpu, long Allocated, TimeSpan GcPaused) Now() =>
        (Environment.CpuUsage.TotalTime, GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration());

    /// <summary>A step that began at <paramref name="start"/> (from <see cref="Now"/>) and ends now.</summary>
    public static StepTiming Since(string step, TimeSpan wall, (TimeSpan Cpu, long Allocated, TimeSpan GcPaused) start)
    {
        var (cpu, allocated, paused) = Now();
        return new StepTiming(step, wall, cpu - start.Cpu, allocated - start.Allocated, paused - start.GcPaused);
    }
}
