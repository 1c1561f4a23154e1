namespace KropotkinSite.Engine;

/// <summary>How long a pipeline took; with its steps' times when they were asked for.</summary>
public sealed record PipelineTiming(string Pipeline, int Documents, TimeSpan Elapsed)
{
    public IReadOnlyList<StepTiming> Steps { get; init; } = [];
}
