using System.Collections.Concurrent;

namespace KropotkinSite.Engine;

/// <summary>
/// Maps documents on every core, keeping their order; a document whose mapping fails is reported and dropped
/// (an unexpected exception as an internal error of that document, so one bug never hides the other pages).
/// In a session with a <see cref="ModuleCache"/> a document is mapped only once: the very document the step
/// mapped in its last run (and, for a step whose result depends on more than the document, in the same
/// <c>scope</c>) gives what it gave then; another document with a known cache key (by default its fingerprint)
/// gives the remembered result and errors of that key.
/// </summary>
public static class DocumentParallel
{
    /// <param name="cacheKey">A key of everything the result depends on; by default the document's fingerprint.</param>
    /// <param name="scope">For a step whose result depends on more than the document: a key of that "more",
    /// under which a document seen in the last run may take its last result without computing its cache key.</param>
    /// <param name="recheck">Documents whose last result may not hold under the same scope: their cache key is computed.</param>
    public static IReadOnlyList<Document> Map(IReadOnlyList<Document> inputs, IExecutionContext context,
        Func<Document, IExecutionContext, Document?> map, Func<Document, string?>? cacheKey = null, string scope = "",
        IReadOnlySet<Document>? recheck = null)
    {
        var cache = context.Cache;
        var key = cacheKey ?? (d => d.Get<string>(ModuleCache.Fingerprint));
        var last = cache?.Recall<Mapped>(context.Step) is { } kept && kept.Scope == scope ? kept : null;
        // Found by position while the list lines up with the last run's (an edit changes a document, not the list),
        // so most documents are matched without being read at all; by reference otherwise.
        var aligned = last is not null && last.Inputs.Length == inputs.Count;
        var byDocument = last is not null && !aligned ? last.ByDocument() : null;
        ModuleCache.Entry? Known(int i, Document document) =>
            recheck is not null && recheck.Contains(document) ? null
            : aligned ? (ReferenceEquals(last!.Inputs[i], document) ? last.Results[i] : null)
            : byDocument?.GetValueOrDefault(document);

        var results = new ModuleCache.Entry[inputs.Count];
        var reused = 0;
        Parallel.For(0, inputs.Count, new ParallelOptions { CancellationToken = context.Cancellation }, i =>
        {
            var document = inputs[i];
            if (Known(i, document) is { } known)
            {
                results[i] = known;
                Interlocked.Increment(ref reused);
            }
            else if ((cache is null ? null : key(document)) is not { } fingerprint)
                results[i] = MapOne(document, context, map, (output, errors) => new ModuleCache.Entry(output, errors, 0));
            else
                results[i] = cache!.Find(context.Step, fingerprint)
                    ?? MapOne(document, context, map, (output, errors) => cache.Add(context.Step, fingerprint, output, errors));
        });

        var outputs = new List<Document>(inputs.Count);
        foreach (var result in results)
        {
            foreach (var error in result.Errors) context.Report(error);
            if (result.Output is not null) outputs.Add(result.Output);
        }
        if (cache is not null)
        {
            cache.CountReused(reused);
            cache.Keep(context.Step, new Mapped(scope, [.. inputs], results));
        }
        return outputs;
    }

    /// <summary>What a step mapped in its last run: its inputs and their results, in order.</summary>
    private sealed record Mapped(string Scope, Document[] Inputs, ModuleCache.Entry[] Results) : ModuleCache.IHoldEntries
    {
        public IEnumerable<ModuleCache.Entry> Entries => Results;

        public Dictionary<Document, ModuleCache.Entry> ByDocument()
        {
            var byDocument = new Dictionary<Document, ModuleCache.Entry>(Inputs.Length, ReferenceEqualityComparer.Instance);
            for (var i = 0; i < Inputs.Length; i++) byDocument.TryAdd(Inputs[i], Results[i]);
            return byDocument;
        }
    }

    private static ModuleCache.Entry MapOne(Document document, IExecutionContext context, Func<Document, IExecutionContext, Document?> map,
        Func<Document?, ContentError[], ModuleCache.Entry> result)
    {
        var capturing = new CapturingContext(context);
        try
        {
            var output = map(document, capturing);
            return result(output, capturing.Errors.ToArray());
        }
        catch (ContentException e)
        {
            return result(null, [.. capturing.Errors, e.Error]);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug met on one document: reported against that document, and the others go on.
            return result(null, [.. capturing.Errors, new ContentError(document.Source.Length > 0 ? document.Source : context.PipelineName, 1, 1, "KS9000",
                $"internal error: {e.GetType().Name}: {e.Message} (please report this)")]);
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
