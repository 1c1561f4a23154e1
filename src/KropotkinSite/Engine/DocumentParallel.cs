namespace KropotkinSite.Engine;

/// <summary>Maps documents on every core, keeping their order; a document whose mapping fails is reported and dropped.</summary>
public static class DocumentParallel
{
    public static IReadOnlyList<Document> Map(IReadOnlyList<Document> inputs, IExecutionContext context, Func<Document, Document?> map)
    {
        var results = new Document?[inputs.Count];
        Parallel.For(0, inputs.Count, new ParallelOptions { CancellationToken = context.Cancellation }, i =>
        {
            try
            {
                results[i] = map(inputs[i]);
            }
            catch (ContentException e)
            {
                context.Report(e.Error);
            }
        });
        return results.OfType<Document>().ToArray();
    }
}
