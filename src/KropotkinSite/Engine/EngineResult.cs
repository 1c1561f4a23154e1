namespace KropotkinSite.Engine;

/// <summary>The result of running every pipeline: the documents each produced, all errors, and timings.</summary>
public sealed record EngineResult(
    IReadOnlyDictionary<string, IReadOnlyList<Document>> Outputs,
    IReadOnlyList<ContentError> Errors,
    IReadOnlyList<PipelineTiming> Timings)
{
    public bool Succeeded => Errors.Count == 0;

    /// <summary>The pipelines that did not run: their documents are those served before (they lag behind the
    /// input).</summary>
    public IReadOnlyList<string> Lagging { get; init; } = [];
}
