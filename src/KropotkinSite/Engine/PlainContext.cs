namespace KropotkinSite.Engine;

/// <summary>
/// A context outside a preview session: <c>Map</c>, <c>Derive</c> and <c>Compute</c> just run their functions
/// (on every core, by <see cref="DocumentParallel"/>). What a module may read and where its errors go is the
/// subclass's.
/// </summary>
public abstract class PlainContext : IExecutionContext
{
    public abstract string PipelineName { get; }
    public abstract IFileSource Files { get; }
    public abstract CancellationToken Cancellation { get; }
    public abstract IReadOnlyList<Document> OutputsOf(string pipelineName);
    public abstract void Report(ContentError error);

    public IReadOnlyList<Document> Map<TShared>(IReadOnlyList<Document> documents, TShared shared,
        Func<Document, TShared, IExecutionContext, Document?> map) =>
        DocumentParallel.Map(documents, shared, map, this);

    public IReadOnlyList<T> Derive<TItem, TShared, T>(IReadOnlyList<TItem> items, TShared shared,
        Func<TItem, TShared, T> derive) =>
        DocumentParallel.Derive(items, shared, derive, Cancellation);

    public T Compute<TInput, T>(TInput input, Func<TInput, T> compute) => compute(input);
}
