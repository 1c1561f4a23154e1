namespace KropotkinSite.Engine;

/// <summary>
/// What a module may see while it runs, and how it does its work: <see cref="Map{TShared}"/>,
/// <see cref="Derive{TItem, TShared, T}"/> and <see cref="Compute{TInput, T}"/> each apply a function to what
/// they are given. The function must depend on nothing but its arguments and the fields of the object it
/// belongs to (a module's settings), so that a preview session may give an earlier run's result for equal
/// arguments (see Incremental/).
/// </summary>
public interface IExecutionContext
{
    string PipelineName { get; }

    /// <summary>The documents of a pipeline this one names among its dependencies.</summary>
    IReadOnlyList<Document> OutputsOf(string pipelineName);

    /// <summary>The input files as this run sees them.</summary>
    IFileSource Files { get; }

    void Report(ContentError error);

    CancellationToken Cancellation { get; }

    /// <summary>
    /// Maps each document on every core, keeping their order; <paramref name="map"/> returns null to drop a
    /// document. A document whose mapping fails is reported and dropped (an unexpected exception as an internal
    /// error of that document, so one bug never hides the other pages). The context a mapping is given takes its
    /// errors and nothing else: a mapping reads only its document and <paramref name="shared"/>.
    /// </summary>
    IReadOnlyList<Document> Map<TShared>(IReadOnlyList<Document> documents, TShared shared,
        Func<Document, TShared, IExecutionContext, Document?> map);

    /// <summary>A value of each item (a function of it and <paramref name="shared"/>), in order, on every
    /// core.</summary>
    IReadOnlyList<T> Derive<TItem, TShared, T>(IReadOnlyList<TItem> items, TShared shared,
        Func<TItem, TShared, T> derive);

    /// <summary>A value made from <paramref name="input"/> alone.</summary>
    T Compute<TInput, T>(TInput input, Func<TInput, T> compute);
}
