namespace KropotkinSite.Engine;

/// <summary>What a module may see while it runs.</summary>
public interface IExecutionContext
{
    string PipelineName { get; }

    /// <summary>Names the module now running within its pipeline, for caches.</summary>
    string Step { get; }

    /// <summary>The preview session's cache of per-document results; null in a plain build.</summary>
    ModuleCache? Cache { get; }

    /// <summary>The documents of a pipeline this one depends on (directly or not).</summary>
    IReadOnlyList<Document> OutputsOf(string pipelineName);

    void Report(ContentError error);

    CancellationToken Cancellation { get; }
}
