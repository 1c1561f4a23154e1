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
        var (engine, result, errors) = Run(options, cancellation, timeSteps: timeSteps);
        if (errors.Count > 0)
            return new BuildResult(errors, 0, 0, result.Timings, stopwatch.Elapsed);

        var writing = Stopwatch.StartNew();
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var documents = OutputDocuments(engine, result);
        var files = OutputWriter.Publish(options.OutputDirectory, documents, cancellation);
        var pages = documents.Count(d => d.Destination.EndsWith(".html", StringComparison.Ordinal));
        var write = new PipelineTiming("(write)", files, writing.Elapsed)
        {
            Steps = timeSteps
                ? [new StepTiming("OutputWriter", writing.Elapsed, Environment.CpuUsage.TotalTime - cpuBefore)]
                : [],
        };
        PipelineTiming[] timings = [.. result.Timings, write];
        return new BuildResult([], files, pages, timings, stopwatch.Elapsed);
    }

    /// <summary>Runs every pipeline without writing anything.</summary>
    public static (PipelineEngine Engine, EngineResult Result, IReadOnlyList<ContentError> Errors) Run(
        BuildOptions options, CancellationToken cancellation = default, ModuleCache? cache = null,
        bool timeSteps = false)
    {
        var stopwatch = Stopwatch.StartNew();
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var setup = Setup(options, InputListing(options.InputDirectory, cache), cache);
        var setupTiming = new PipelineTiming("(setup)", 0, stopwatch.Elapsed)
        {
            Steps = timeSteps
                ? [new StepTiming("ThemeAndLayouts", stopwatch.Elapsed, Environment.CpuUsage.TotalTime - cpuBefore)]
                : [],
        };
        var result = setup.Engine.Run(cancellation, cache, timeSteps);
        result = result with { Timings = [setupTiming, .. result.Timings] };
        return (setup.Engine, result, [.. setup.Errors, .. result.Errors]);
    }

    /// <summary>The theme, its layouts and the pipelines for the input's files, with what was wrong with the
    /// theme; in a preview session, last run's while the files are the same and no template changed.</summary>
    private static SiteSetup Setup(BuildOptions options, string[] inputFiles, ModuleCache? cache)
    {
        const string slot = "setup";
        if (cache?.Recall<SiteSetup>(slot) is { } last && ReferenceEquals(last.InputFiles, inputFiles)
            && cache.FilesChanged is { } changed && !changed.Any(path => IsTemplateOrThemeFile(options, path)))
            return last;
        var errors = new List<ContentError>();
        var theme = new ThemeFiles(options.ThemeDirectory, options.InputDirectory, inputFiles);
        var layouts = new LiquidLayouts(theme, errors);
        var setup = new SiteSetup(inputFiles, new PipelineEngine(SitePipelines.Create(options, theme, layouts, inputFiles)), errors);
        cache?.Keep(slot, setup);
        return setup;
    }

    private sealed record SiteSetup(string[] InputFiles, PipelineEngine Engine, IReadOnlyList<ContentError> Errors);

    private static bool IsTemplateOrThemeFile(BuildOptions options, string absolutePath)
    {
        var input = FolderPaths.WithSeparator(options.InputDirectory);
        return FolderPaths.Contains(options.ThemeDirectory, absolutePath)
            || (absolutePath.StartsWith(input, StringComparison.Ordinal) && ThemeFiles.IsTemplatePath(absolutePath[input.Length..].Replace(Path.DirectorySeparatorChar, '/')));
    }

    /// <summary>The input folder's files; in a preview session, last run's list when the watcher saw no file
    /// added, removed or renamed.</summary>
    private static string[] InputListing(string root, ModuleCache? cache)
    {
        const string slot = "input listing";
        if (cache?.Recall<Listing>(slot) is { } last && cache.FilesChanged is { } changed && !FileTree.MayChangeListing(root, last.Set, changed))
            return last.Files;
        var files = FileTree.List(root);
        cache?.Keep(slot, new Listing(files, files.ToHashSet(StringComparer.Ordinal)));
        return files;
    }

    private sealed record Listing(string[] Files, HashSet<string> Set);

    /// <summary>The documents of the output pipelines, in destination order.</summary>
    public static IReadOnlyList<Document> OutputDocuments(PipelineEngine engine, EngineResult result) =>
        OutputFiles(engine, result).OrderBy(d => d.Destination, StringComparer.Ordinal).ToArray();

    /// <summary>The documents of the output pipelines that are written to a file, in no particular order.</summary>
    public static IEnumerable<Document> OutputFiles(PipelineEngine engine, EngineResult result) =>
        engine.Pipelines.Where(p => p.IsOutput)
            .SelectMany(p => result.Outputs[p.Name])
            .Where(d => d.Destination.Length > 0);
}
