namespace KropotkinSite.Engine;

/// <summary>How long one step (a module's run in a pipeline) took: wall-clock time, and the process's CPU time
/// (user and system, every thread) meanwhile.</summary>
public sealed record StepTiming(string Step, TimeSpan Wall, TimeSpan Cpu);
