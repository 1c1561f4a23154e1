using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace KropotkinSite.Engine;

/// <summary>
/// Runs pipelines in dependency order; pipelines that do not depend on each other run in parallel.
/// A pipeline reads the documents of the pipelines it names as its dependencies, and only those.
/// A pipeline still runs when an earlier one reported errors, so one build reports every error it can find.
/// </summary>
public sealed class PipelineEngine
{
    private readonly IReadOnlyList<Pipeline> _pipelines;

    public PipelineEngine(IEnumerable<Pipeline> pipelines)
    {
        _pipelines = pipelines.ToArray();
        CheckGraph();
    }

    public IReadOnlyList<Pipeline> Pipelines => _pipelines;

    /// <param name="files">The input files as this run sees them.</param>
    /// <param name="memory">In a preview session, what earlier runs made: every step runs through it.</param>
    /// <param name="timeSteps">Also time each step, wall and CPU. The pipelines then run one at a time, so the
    /// process's CPU time during a step is that step's own (its parallel loops still use every core).</param>
    /// <param name="forgetRead">Let go of the documents of a pipeline that is not an output as soon as every pipeline
    /// that depends on it has run (its list in the result is then empty), and collect the garbage of pipelines that
    /// allocated much when they end (<see cref="CollectAfterPipelines"/>), so that a one-off build holds only what is
    /// still to be read or written.</param>
    /// <param name="served">In a preview session that serves an edit before the pipelines that may lag
    /// (<see cref="Pipeline.MayLag"/>) have caught up: each output pipeline's documents as they are served. Such a
    /// pipeline found here is not run; its documents are the served ones, for the pipelines that read it too, so
    /// that what they check is what is served. They are named in <see cref="EngineResult.Lagging"/>.</param>
    /// <param name="outputEnded">Given each output pipeline's documents as soon as it ends, as long as no error has
    /// been reported (a run that will fail has nothing to write): a build writes them while the others run.</param>
    /// <exception cref="OperationCanceledException">Once every step that had begun has ended: a cancelled run leaves
    /// nothing running (the memory it ran through is the next run's).</exception>
    public EngineResult Run(IFileSource files, CancellationToken cancellation = default, IStepMemory? memory = null,
        bool timeSteps = false, bool forgetRead = false,
        IReadOnlyDictionary<string, IReadOnlyList<Document>>? served = null,
        Action<IReadOnlyList<Document>>? outputEnded = null)
    {
        var errors = new ConcurrentBag<ContentError>();
        var outputs = new ConcurrentDictionary<string, IReadOnlyList<Document>>(StringComparer.Ordinal);
        var timings = new ConcurrentDictionary<string, PipelineTiming>(StringComparer.Ordinal);
        var tasks = new Dictionary<string, Task>(StringComparer.Ordinal);
        var readersLeft = _pipelines.ToDictionary(p => p.Name,
            p => new StrongBox<int>(_pipelines.Count(reader => reader.Dependencies.Contains(p.Name))));
        var byName = _pipelines.ToDictionary(p => p.Name);
        var collector = forgetRead ? new CollectAfterPipelines() : null;
        var lagging = _pipelines.Where(p => p.MayLag && served?.ContainsKey(p.Name) == true).Select(p => p.Name)
            .ToHashSet(StringComparer.Ordinal);

        foreach (var pipeline in TopologicalOrder())
        {
            var dependencies = timeSteps
                ? tasks.Values.ToArray() // one at a time, in dependency order
                : pipeline.Dependencies.Select(name => tasks[name]).ToArray();
            tasks[pipeline.Name] = Task.WhenAll(dependencies).ContinueWith(_ =>
            {
                var stopwatch = Stopwatch.StartNew();
                var steps = timeSteps ? new List<StepTiming>() : null;
                var context = new ExecutionContext(pipeline.Name, [.. pipeline.Dependencies], outputs, errors, files,
                    cancellation);
                outputs[pipeline.Name] = lagging.Contains(pipeline.Name)
                    ? served![pipeline.Name]
                    : RunSteps(pipeline, context, memory, steps, stopwatch, errors);
                if (pipeline.IsOutput && errors.IsEmpty) outputEnded?.Invoke(outputs[pipeline.Name]);
                if (forgetRead)
                    foreach (var dependency in pipeline.Dependencies)
                        if (Interlocked.Decrement(ref readersLeft[dependency].Value) == 0
                            && !byName[dependency].IsOutput)
                            outputs[dependency] = [];
                collector?.PipelineEnded();
                timings[pipeline.Name] = new PipelineTiming(pipeline.Name, outputs[pipeline.Name].Count,
                    stopwatch.Elapsed)
                {
                    Steps = steps ?? [],
                };
            }, cancellation, TaskContinuationOptions.None, TaskScheduler.Default);
        }

        try
        {
            Task.WaitAll(tasks.Values.ToArray()); // every task ends: a cancelled step stops at its next item
        }
        catch (AggregateException) when (cancellation.IsCancellationRequested)
        {
        }
        cancellation.ThrowIfCancellationRequested();
        return new EngineResult(outputs, SortErrors(errors), _pipelines.Select(p => timings[p.Name]).ToArray())
        {
            Lagging = [.. lagging.Order(StringComparer.Ordinal)],
        };
    }

    /// <summary>Runs a pipeline's modules one after the other, each given the documents of the one before; its
    /// documents, or none when a module failed.</summary>
    private static IReadOnlyList<Document> RunSteps(Pipeline pipeline, ExecutionContext context, IStepMemory? memory,
        List<StepTiming>? steps, Stopwatch stopwatch, ConcurrentBag<ContentError> errors)
    {
        IReadOnlyList<Document> documents = [];
        for (var step = 0; step < pipeline.Modules.Count; step++)
        {
            var module = pipeline.Modules[step];
            context.Cancellation.ThrowIfCancellationRequested();
            var before = steps is null ? default : StepTiming.Now();
            var wallBefore = stopwatch.Elapsed;
            try
            {
                documents = memory is null
                    ? module.Execute(documents, context)
                    : memory.Run($"{pipeline.Name}/{step}/{module.GetType().Name}", module, documents, context);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A bug, not a content mistake: reported in the parseable form, and the build fails cleanly.
                errors.Add(InternalError.Of(pipeline.Name, e, module.GetType().Name));
                return [];
            }
            steps?.Add(StepTiming.Since(module.GetType().Name, stopwatch.Elapsed - wallBefore, before));
        }
        return documents;
    }

    private static IReadOnlyList<ContentError> SortErrors(IEnumerable<ContentError> errors) =>
        errors.Distinct()
            .OrderBy(e => e.File, StringComparer.Ordinal)
            .ThenBy(e => e.Line).ThenBy(e => e.Column)
            .ThenBy(e => e.Code, StringComparer.Ordinal)
            .ThenBy(e => e.Message, StringComparer.Ordinal)
            .ToArray();

    private IEnumerable<Pipeline> TopologicalOrder()
    {
        var byName = _pipelines.ToDictionary(p => p.Name);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<Pipeline>();
        void Visit(Pipeline p)
        {
            if (!done.Add(p.Name)) return;
            foreach (var dependency in p.Dependencies) Visit(byName[dependency]);
            ordered.Add(p);
        }
        foreach (var pipeline in _pipelines) Visit(pipeline);
        return ordered;
    }

    private void CheckGraph()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pipeline in _pipelines)
            if (!names.Add(pipeline.Name))
                throw new InvalidOperationException($"Two pipelines are named '{pipeline.Name}'.");
        foreach (var pipeline in _pipelines)
            foreach (var dependency in pipeline.Dependencies)
                if (!names.Contains(dependency))
                    throw new InvalidOperationException($"Pipeline '{pipeline.Name}' depends on unknown pipeline " +
                        $"'{dependency}'.");

        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 visiting, 2 done
        var byName = _pipelines.ToDictionary(p => p.Name);
        void Visit(string name, string path)
        {
            if (state.GetValueOrDefault(name) == 2) return;
            if (state.GetValueOrDefault(name) == 1)
                throw new InvalidOperationException($"Pipelines depend on each other in a cycle: {path} -> {name}.");
            state[name] = 1;
            foreach (var dependency in byName[name].Dependencies) Visit(dependency, $"{path} -> {name}");
            state[name] = 2;
        }
        foreach (var pipeline in _pipelines) Visit(pipeline.Name, "");
    }

    private sealed class ExecutionContext(
        string pipelineName,
        HashSet<string> readable,
        ConcurrentDictionary<string, IReadOnlyList<Document>> outputs,
        ConcurrentBag<ContentError> errors,
        IFileSource files,
        CancellationToken cancellation) : PlainContext
    {
        public override string PipelineName => pipelineName;
        public override IFileSource Files => files;
        public override CancellationToken Cancellation => cancellation;

        public override IReadOnlyList<Document> OutputsOf(string name) =>
            readable.Contains(name)
                ? outputs[name]
                : throw new InvalidOperationException($"Pipeline '{pipelineName}' reads '{name}' but does not depend " +
                    "on it.");

        public override void Report(ContentError error) => errors.Add(error);
    }
}
