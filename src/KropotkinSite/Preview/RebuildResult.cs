using KropotkinSite.Engine;
using KropotkinSite.Incremental;

namespace KropotkinSite.Preview;

/// <summary>What a rebuild gave: its errors (none when it succeeded), how many served files changed, how many
/// steps and values were taken from earlier runs (<paramref name="CacheHits"/>) or made again
/// (<paramref name="CacheMisses"/>), step by step (<paramref name="Steps"/>), and how long it took.</summary>
public sealed record RebuildResult(
    IReadOnlyList<ContentError> Errors,
    int FilesChanged,
    int CacheHits,
    int CacheMisses,
    TimeSpan Elapsed,
    IReadOnlyList<StepReport> Steps)
{
    /// <summary>The pipelines this rebuild left as they were served, to catch up with the input afterwards
    /// (<see cref="PreviewSession.BuildPagesFirst"/>, <see cref="PreviewSession.CatchUp"/>).</summary>
    public IReadOnlyList<string> Lagging { get; init; } = [];
}
