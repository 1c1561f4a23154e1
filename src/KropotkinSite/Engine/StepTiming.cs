namespace KropotkinSite.Engine;

/// <summary>How long one step (a module's run in a pipeline) took: wall-clock time, the process's CPU time
/// (user and system, every thread) meanwhile, and the bytes the process allocated meanwhile (which, unlike the
/// times, does not depend on what else the machine is doing).</summary>
public sealed record StepTiming(string Step, TimeSpan Wall, TimeSpan Cpu, long Allocated = 0)
{
    /// <summary>The process's CPU time and allocated bytes so far: what a step's figures are differences of.</summary>
    public static (TimeSpan Cpu, long Allocated) Now() =>
        (Environment.CpuUsage.TotalTime, GC.GetTotalAllocatedBytes());

    /// <summary>A step that began at <paramref name="start"/> (from <see cref="Now"/>) and ends now.</summary>
    public static StepTiming Since(string step, TimeSpan wall, (TimeSpan Cpu, long Allocated) start)
    {
        var (cpu, allocated) = Now();
        return new StepTiming(step, wall, cpu - start.Cpu, allocated - start.Allocated);
    }
}
