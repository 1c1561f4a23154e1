namespace KropotkinSite.Engine;

/// <summary>Maps documents on every core, keeping their order; a document whose mapping fails is reported and dropped
/// (an unexpected exception as an internal error of that document, so one bug never hides the other pages).</summary>
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
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A bug met on one document: reported against that document, and the others go on.
                context.Report(new ContentError(inputs[i].Source.Length > 0 ? inputs[i].Source : context.PipelineName, 1, 1, "KS9000",
                    $"internal error: {e.GetType().Name}: {e.Message} (please report this)"));
            }
        });
        return results.OfType<Document>().ToArray();
    }
}
