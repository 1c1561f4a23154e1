using System.Diagnostics;
using KropotkinSite.Engine;
using KropotkinSite.IO;
using KropotkinSite.Theme;

namespace KropotkinSite.Pipelines;

/// <summary>Builds a site folder: runs the pipelines and, only when nothing went wrong, publishes the output.</summary>
public static class SiteBuilder
{
    /// <param name="timeSteps">Also time each step of each pipeline (see <see cref="PipelineEngine.Run"/>).</param>
    public static BuildResult Build(
        BuildOptions options, CancellationToken cancellation = default, bool timeSteps = false)
    {
        var stopwatch = Stopwatch.StartNew();
        // Each output pipeline's files are written as soon as it ends, while the other pipelines run; but when the
        // steps are timed, at the end, so that no step's CPU time holds the writing's.
        using var staged = new StagedOutput(options.OutputDirectory, cancellation);
        var (engine, result) = Run(options, new DiskFiles(), cancellation, timeSteps: timeSteps, forgetRead: true,
            outputEnded: timeSteps ? null : staged.Write);
        if (!result.Succeeded)
            return new BuildResult(result.Errors, 0, 0, result.Timings, stopwatch.Elapsed);

        var writing = Stopwatch.StartNew();
        var before = StepTiming.Now();
        if (timeSteps) staged.Write(OutputDocuments(engine, result));
        var files = staged.Publish();
        var pages = OutputFiles(engine, result).Count(d => d.Destination.EndsWith(".html", StringComparison.Ordinal));
        var write = new PipelineTiming("(write)", files, writing.Elapsed)
        {
            Steps = timeSteps
                ? [StepTiming.Since("OutputWriter", writing.Elapsed, before)]
                : [],
        };
        PipelineTiming[] timings = [.. result.Timings, write];
        return new BuildResult([], files, pages, timings, stopwatch.Elapsed);
    }

    /// <summary>Runs every pipeline over the files as <paramref name="files"/> gives them, without writing anything
    /// (but what it hands <paramref name="outputEnded"/>: see <see cref="PipelineEngine.Run"/>); in a preview session
    /// through what earlier runs made (<paramref name="memory"/>). With
    /// <paramref name="timeSteps"/>, the timings list the setup and each step (see <see
    /// cref="PipelineEngine.Run"/>). With <paramref name="forgetRead"/>, only the output pipelines' documents are
    /// in the result (the others are let go of once read). With <paramref name="served"/>, the pipelines that may
    /// lag keep the documents served (see <see cref="PipelineEngine.Run"/>).</summary>
    public static (PipelineEngine Engine, EngineResult Result) Run(BuildOptions options, IFileSource files,
        CancellationToken cancellation = default, IStepMemory? memory = null, bool timeSteps = false,
        bool forgetRead = false, IReadOnlyDictionary<string, IReadOnlyList<Document>>? served = null,
        Action<IReadOnlyList<Document>>? outputEnded = null)
    {
        var stopwatch = Stopwatch.StartNew();
        var before = StepTiming.Now();
        var theme = new ThemeFiles(options.ThemeDirectory, options.InputDirectory, files);
        var engine = new PipelineEngine(SitePipelines.Create(options, theme, files.List(options.InputDirectory)));
        var setup = new PipelineTiming("(setup)", 0, stopwatch.Elapsed)
        {
            Steps = timeSteps
                ? [StepTiming.Since("ThemeAndPipelines", stopwatch.Elapsed, before)]
                : [],
        };
        var result = engine.Run(files, cancellation, memory, timeSteps, forgetRead, served, outputEnded);
        return (engine, result with { Timings = [setup, .. result.Timings] });
    }

    /// <summary>The documents of the output pipelines, in destination order.</summary>
    public static IReadOnlyList<Document> OutputDocuments(PipelineEngine engine, EngineResult result) =>
        OutputFiles(engine, result).OrderBy(d => d.Destination, StringComparer.Ordinal).ToArray();

    /// <summary>The documents of the output pipelines that are written to a file, in no particular order.</summary>
    public static IEnumerable<Document> OutputFiles(PipelineEngine engine, EngineResult result) =>
        OutputLists(engine, result).Values.SelectMany(list => list).Where(d => d.Destination.Length > 0);

    /// <summary>Each output pipeline's documents (some of which may not be written to a file), by its name.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<Document>> OutputLists(PipelineEngine engine,
        EngineResult result) =>
        engine.Pipelines.Where(p => p.IsOutput).ToDictionary(p => p.Name, p => result.Outputs[p.Name],
            StringComparer.Ordinal);
}
