using System.Collections.Concurrent;
using KropotkinSite.Engine;

namespace KropotkinSite.Incremental;

/// <summary>
/// What a preview session remembers of its last run, step by step. A step whose module is equal (the same
/// settings), whose input documents are equal and whose reads (other pipelines' documents, files) all give the
/// same again is not run: its last documents and errors stand. Otherwise it runs in a
/// <see cref="RecordingContext"/>, where each document it maps, each value it derives or computes, is reused
/// when what it is made from is equal; and whatever it makes that equals last run's is replaced by last run's
/// (early cut-off), so the steps after it find their inputs unchanged.
/// </summary>
public sealed class BuildMemory : IStepMemory
{
    private readonly ConcurrentDictionary<string, StepRecord> _steps = new(StringComparer.Ordinal);
    private ConcurrentQueue<StepReport> _reports = new();

    /// <summary>What each step did in the last run, in no particular order.</summary>
    public IReadOnlyList<StepReport> LastRun => [.. _reports];

    public void BeginRun() => _reports = new ConcurrentQueue<StepReport>();

    public IReadOnlyList<Document> Run(string step, IModule module, IReadOnlyList<Document> inputs,
        IExecutionContext context)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var last = _steps.GetValueOrDefault(step);
        if (last is not null && last.Holds(module, inputs, context))
        {
            foreach (var error in last.Errors) context.Report(error);
            _reports.Enqueue(new StepReport(step, false, 0, 0, clock.Elapsed));
            return last.Outputs;
        }
        var recording = new RecordingContext(context, last);
        var outputs = CutOff(module.Execute(inputs, recording), last?.Outputs);
        _steps[step] = new StepRecord(module, inputs, recording.Reads, outputs, recording.Errors, recording.Calls);
        _reports.Enqueue(new StepReport(step, true, recording.Computed, recording.Reused, clock.Elapsed));
        return outputs;
    }

    /// <summary>The documents a step made, each replaced by last run's where it is equal to it; last run's very
    /// list when all of them are. The very document of last run at the same place is taken as it is, by one
    /// comparison of references; only the others are looked at closely.</summary>
    private static IReadOnlyList<Document> CutOff(IReadOnlyList<Document> now, IReadOnlyList<Document>? before)
    {
        if (before is null || ReferenceEquals(now, before)) return before ?? now;
        var others = Positions.NotSame(now, before);
        if (others.Count == 0 && now.Count == before.Count) return before;
        Document[]? result = null; // a copy of the list, made once a document is replaced by last run's
        var index = new Lazy<Dictionary<(string, string), int>>(() => Slots.Index(before, now, others));
        var allSame = now.Count == before.Count;
        foreach (var i in others)
        {
            var j = Slots.Find(now[i], i, before, index);
            if (j >= 0 && StructuralEquality.Equal(now[i], before[j]))
            {
                result ??= [.. now];
                result[i] = before[j];
            }
            allSame &= j == i && ReferenceEquals(result?[i] ?? now[i], before[i]);
        }
        if (allSame) return before;
        return result ?? now;
    }
}
