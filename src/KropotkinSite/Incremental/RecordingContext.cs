using System.Collections.Concurrent;
using System.Diagnostics;
using KropotkinSite.Engine;

namespace KropotkinSite.Incremental;

/// <summary>
/// The context one step runs in during a preview session: it records what the step reads (other pipelines'
/// documents, files) and the errors it reports, and gives each item of a <c>Map</c> or <c>Derive</c>, and each
/// <c>Compute</c>, the value it had last run when the function, what it shares and the item are all equal.
/// A recomputed value equal to the last one is replaced by it, so what was made from it is reused in turn.
/// The step's calls are matched with last run's in the order it makes them.
/// </summary>
internal sealed class RecordingContext(IExecutionContext inner, StepRecord? last) : IExecutionContext, IFileSource
{
    /// <summary>How long a call looks at its items on one thread before it looks at the rest on every core.</summary>
    private static readonly TimeSpan AloneAtMost = TimeSpan.FromMilliseconds(1);

    private readonly ConcurrentQueue<RecordedRead> _reads = new();
    private readonly ConcurrentQueue<ContentError> _errors = new();
    private readonly List<object> _calls = [];
    private int _computed;
    private int _reused;

    public IReadOnlyList<RecordedRead> Reads => [.. _reads];
    public IReadOnlyList<ContentError> Errors => [.. _errors];
    public IReadOnlyList<object> Calls => _calls;
    public int Computed => _computed;
    public int Reused => _reused;

    public string PipelineName => inner.PipelineName;
    public CancellationToken Cancellation => inner.Cancellation;
    public IFileSource Files => this;

    public IReadOnlyList<Document> OutputsOf(string pipelineName)
    {
        var documents = inner.OutputsOf(pipelineName);
        _reads.Enqueue(new RecordedRead.Pipeline(pipelineName, documents));
        return documents;
    }

    public void Report(ContentError error)
    {
        _errors.Enqueue(error);
        inner.Report(error);
    }

    public IReadOnlyList<string> List(string root)
    {
        var files = inner.Files.List(root);
        _reads.Enqueue(new RecordedRead.Listing(root, files));
        return files;
    }

    public FileRead Read(string root, string relativePath)
    {
        var read = inner.Files.Read(root, relativePath);
        _reads.Enqueue(new RecordedRead.File(root, relativePath, read));
        return read;
    }

    public IReadOnlyList<FileRead> ReadAll(string root, IReadOnlyList<string> relativePaths,
        CancellationToken cancellation)
    {
        var reads = inner.Files.ReadAll(root, relativePaths, cancellation);
        _reads.Enqueue(new RecordedRead.Batch(root, relativePaths, reads));
        return reads;
    }

    public bool Exists(string fullPath)
    {
        var exists = inner.Files.Exists(fullPath);
        _reads.Enqueue(new RecordedRead.Existence(fullPath, exists));
        return exists;
    }

    public IReadOnlyList<Document> Map<TShared>(IReadOnlyList<Document> documents, TShared shared,
        Func<Document, TShared, IExecutionContext, Document?> map)
    {
        var (call, before, looked) = Items(documents, map, shared,
            document => DocumentParallel.MapOne(document, shared, map, this));
        if (before?.Outputs is MappedOutputs kept && (looked is null || ReferenceEquals(call.Values, before.Values)))
        {
            call.Outputs = kept;
            kept.Report(call.Values, this);
            return kept.Documents;
        }
        var outputs = MappedOutputs.Of(call.Values, before?.Outputs as MappedOutputs, looked ?? []);
        outputs.Report(call.Values, this);
        call.Outputs = outputs;
        return outputs.Documents;
    }

    public IReadOnlyList<T> Derive<TItem, TShared, T>(IReadOnlyList<TItem> items, TShared shared,
        Func<TItem, TShared, T> derive) =>
        Items(items, derive, shared, item => derive(item, shared)).Call.Values;

    public T Compute<TInput, T>(TInput input, Func<TInput, T> compute)
    {
        var before = last?.Calls.ElementAtOrDefault(_calls.Count) as ComputeCall;
        T output;
        if (before is not null && StructuralEquality.Equal(compute, before.Function)
            && StructuralEquality.Equal(input, before.Input))
        {
            output = (T)before.Output!;
            _reused++;
        }
        else
        {
            output = compute(input);
            if (before is not null && StructuralEquality.Equal(output, before.Output)) output = (T)before.Output!;
            _computed++;
        }
        _calls.Add(new ComputeCall(compute, input, output));
        return output;
    }

    /// <summary>The values of a call for each item; last run's call, when it is comparable; and the positions
    /// whose value was looked for (all others hold last run's value at the same place), or null when every value is
    /// last run's, for the very same items.</summary>
    private (ItemsCall<TItem, T> Call, ItemsCall<TItem, T>? Before, List<int>? Looked) Items<TItem, T>(
        IReadOnlyList<TItem> items, Delegate function, object? shared, Func<TItem, T> compute)
    {
        var before = last?.Calls.ElementAtOrDefault(_calls.Count) as ItemsCall<TItem, T>;
        if (before is not null && !(StructuralEquality.Equal(function, before.Function)
                                    && StructuralEquality.Equal(shared, before.Shared)))
            before = null;
        if (before is not null && ReferenceEquals(before.Items, items))
        {
            _reused += items.Count;
            _calls.Add(before);
            return (before, before, null);
        }
        // The very item of last run at the same place (or a tuple of the very same objects) gives its value at once;
        // only the others are looked at closely.
        var others = Positions.NotSame(items, before?.Items ?? []);
        _reused += items.Count - others.Count;
        if (others.Count == 0 && before is not null && before.Items.Count == items.Count)
        {
            _calls.Add(before);
            return (before, before, null);
        }
        var values = new T[items.Count];
        if (before is not null) Array.Copy(before.Values, values, Math.Min(before.Values.Length, values.Length));
        var index = new Lazy<Dictionary<(string, string), int>>(() => Slots.Index(before!.Items, items, others));
        void Look(int i)
        {
            var item = items[i];
            var j = before is null ? -1 : Slots.Find(item, i, before.Items, index);
            if (j >= 0 && StructuralEquality.Equal(item, before!.Items[j]))
            {
                values[i] = before.Values[j];
                Interlocked.Increment(ref _reused);
                return;
            }
            var value = compute(item);
            values[i] = j >= 0 && StructuralEquality.Equal(value, before!.Values[j]) ? before.Values[j] : value;
            Interlocked.Increment(ref _computed);
        }
        LookAt(others, Look);
        // Every value last run's at its place: last run's very list, so that what is made of it next finds it the same
        // by one comparison of references.
        if (before is not null && before.Values.Length == values.Length
            && others.TrueForAll(i => StructuralEquality.Same(values[i], before.Values[i])))
            values = before.Values;
        var call = new ItemsCall<TItem, T>(function, shared, items, values);
        _calls.Add(call);
        return (call, before, others);
    }

    /// <summary>Looks at the items on this thread while that is quick, and at the rest on every core once it is not.
    /// After an edit most items are confirmed, or made again, in microseconds: handing a few such items to other
    /// threads costs more than it saves, and on a busy machine waiting for those threads costs milliseconds.</summary>
    private void LookAt(List<int> positions, Action<int> look)
    {
        var clock = Stopwatch.StartNew();
        var next = 0;
        while (next < positions.Count && clock.Elapsed < AloneAtMost) look(positions[next++]);
        if (next < positions.Count)
            Parallel.For(next, positions.Count, new ParallelOptions { CancellationToken = Cancellation },
                k => look(positions[k]));
    }
}
