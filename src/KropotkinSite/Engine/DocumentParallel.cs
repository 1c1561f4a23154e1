using System.Collections.Concurrent;

namespace KropotkinSite.Engine;

/// <summary>
/// Maps documents on every core, keeping their order; a document whose mapping fails is reported and dropped
/// (an unexpected exception as an internal error of that document, so one bug never hides the other pages).
/// In a session with a <see cref="ModuleCache"/>, a document with a fingerprint is mapped only once per
/// fingerprint: later runs take the remembered result and errors.
/// </summary>
public static class DocumentParallel
{
    public static IReadOnlyList<Document> Map(IReadOnlyList<Document> inputs, IExecutionContext context,
        Func<Document, IExecutionContext, Document?> map, Func<Document, string?>? cacheKey = null)
    {
        var cache = context.Cache;
        var key = cacheKey ?? (d => d.Get<string>(ModuleCache.Fingerprint));
        var results = new Document?[inputs.Count];
        Parallel.For(0, inputs.Count, new ParallelOptions { CancellationToken = context.Cancellation }, i =>
        {
            var document = inputs[i];
            var fingerprint = cache is null ? null : key(document);
            if (fingerprint is null)
            {
                results[i] = MapOne(document, context, map);
                return;
            }
            if (cache!.TryGet(context.Step, fingerprint, out var output, out var errors))
            {
                foreach (var error in errors) context.Report(error);
                results[i] = output;
                return;
            }
            var capturing = new CapturingContext(context);
            output = MapOne(document, capturing, map);
            var captured = capturing.Errors.ToArray();
            cache.Set(context.Step, fingerprint, output, captured);
            foreach (var error in captured) context.Report(error);
            results[i] = output;
        });
        return results.OfType<Document>().ToArray();
    }

    private static Document? MapOne(Document document, IExecutionContext context, Func<Document, IExecutionContext, Document?> map)
    {
        try
        {
            return map(document, context);
        }
        catch (ContentException e)
        {
            context.Report(e.Error);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug met on one document: reported against that document, and the others go on.
            context.Report(new ContentError(document.Source.Length > 0 ? document.Source : context.PipelineName, 1, 1, "KS9000",
                $"internal error: {e.GetType().Name}: {e.Message} (please report this)"));
            return null;
        }
    }

    /// <summary>Collects the errors one document's mapping reports, so they can be remembered with its result.</summary>
    private sealed class CapturingContext(IExecutionContext inner) : IExecutionContext
    {
        public ConcurrentQueue<ContentError> Errors { get; } = new();
        public string PipelineName => inner.PipelineName;
        public string Step => inner.Step;
        public ModuleCache? Cache => inner.Cache;
        public CancellationToken Cancellation => inner.Cancellation;
        public IReadOnlyList<Document> OutputsOf(string pipelineName) => inner.OutputsOf(pipelineName);
        public void Report(ContentError error) => Errors.Enqueue(error);
    }
}
