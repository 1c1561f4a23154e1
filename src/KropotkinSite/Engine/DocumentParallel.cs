namespace KropotkinSite.Engine;

/// <summary>
/// The work of <see cref="IExecutionContext.Map{TShared}"/> and
/// <see cref="IExecutionContext.Derive{TItem, TShared, T}"/>
/// on every core, keeping the order. A document whose mapping fails is reported and dropped: a content mistake as
/// it was thrown, an unexpected exception as an internal error of that document, so one bug never hides the others.
/// </summary>
public static class DocumentParallel
{
    public static IReadOnlyList<Document> Map<TShared>(IReadOnlyList<Document> inputs, TShared shared,
        Func<Document, TShared, IExecutionContext, Document?> map, IExecutionContext context)
    {
        var results = new Mapped[inputs.Count];
        Parallel.For(0, inputs.Count, new ParallelOptions { CancellationToken = context.Cancellation },
            i => results[i] = MapOne(inputs[i], shared, map, context));
        return Collect(results, context);
    }

    /// <summary>Maps one document, with the errors it reported.</summary>
    public static Mapped MapOne<TShared>(Document document, TShared shared,
        Func<Document, TShared, IExecutionContext, Document?> map, IExecutionContext context)
    {
        var only = new OneDocumentContext(context);
        try
        {
            return new Mapped(map(document, shared, only), only.Errors);
        }
        catch (ContentException e)
        {
            return new Mapped(null, [.. only.Errors, e.Error]);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var file = document.Source.Length > 0 ? document.Source : context.PipelineName;
            return new Mapped(null, [.. only.Errors, InternalError.Of(file, e)]);
        }
    }

    /// <summary>Reports the errors of mapped documents and gives the documents that remain, in order.</summary>
    public static IReadOnlyList<Document> Collect(IReadOnlyList<Mapped> results, IExecutionContext context)
    {
        var outputs = new List<Document>(results.Count);
        foreach (var result in results)
        {
            foreach (var error in result.Errors) context.Report(error);
            if (result.Output is not null) outputs.Add(result.Output);
        }
        return outputs;
    }

    public static T[] Derive<TItem, TShared, T>(IReadOnlyList<TItem> items, TShared shared,
        Func<TItem, TShared, T> derive, CancellationToken cancellation)
    {
        var values = new T[items.Count];
        Parallel.For(0, items.Count, new ParallelOptions { CancellationToken = cancellation },
            i => values[i] = derive(items[i], shared));
        return values;
    }

    /// <summary>What the mapping of one document may use: it reports errors (kept with its result) and reads
    /// nothing beyond its document and what it was given, so its result depends on nothing else.</summary>
    private sealed class OneDocumentContext(IExecutionContext inner) : PlainContext
    {
        private readonly Lock _gate = new();
        private List<ContentError>? _errors; // made at the first report: nearly every document reports none

        public ContentError[] Errors
        {
            get
            {
                lock (_gate) return _errors is null ? [] : [.. _errors];
            }
        }

        public override string PipelineName => inner.PipelineName;
        public override CancellationToken Cancellation => inner.Cancellation;
        public override IFileSource Files => throw ReadsBeyond();
        public override IReadOnlyList<Document> OutputsOf(string pipelineName) => throw ReadsBeyond();
        public override void Report(ContentError error)
        {
            lock (_gate) (_errors ??= []).Add(error);
        }

        private static InvalidOperationException ReadsBeyond() =>
            new("the mapping of one document reads only that document and what it is given as 'shared'");
    }
}
