using KropotkinSite.Engine;

namespace KropotkinSite.Pipelines;

/// <summary>The outcome of a build: errors (if any), what was written, and where the time went.</summary>
public sealed record BuildResult(IReadOnlyList<ContentError> Errors, int FilesWritten, int PagesWritten,
    IReadOnlyList<PipelineTiming> Timings, TimeSpan Elapsed)
{
    public bool Succeeded => Errors.Count == 0;
}
