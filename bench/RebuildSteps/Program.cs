// In-process rebuild times of a preview session, and where they go, step by step.
//   RebuildSteps SITE_DIR THEME_DIR [EDITS] [STEPS]
// Copies SITE_DIR to a temporary folder, builds it once in a PreviewSession, then makes EDITS body edits and EDITS
// title edits (alternately) to the first prose page, as bench/PreviewBench does, rebuilding after each with the
// watcher's change set. Prints the median wall and CPU time of each kind of rebuild and what it allocated, and the
// STEPS steps (default 12) that took longest in total over the edits of each kind, with how many values they
// computed and reused, and each pipeline's step time. KINDS=body or KINDS=title makes only that kind of edit (for a
// profiler); EACH=1 prints each edit's times as well. PAGES_FIRST=1 rebuilds as the preview does: the edited pages
// first, the search index left as served (PreviewSession.BuildPagesFirst), then caught up (timed on its own).
using System.Diagnostics;
using System.Globalization;
using KropotkinSite.Incremental;
using KropotkinSite.Pipelines;
using KropotkinSite.Preview;

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: RebuildSteps SITE_DIR THEME_DIR [EDITS] [STEPS]");
    return 2;
}
var edits = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
var shown = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 12;
var each = Environment.GetEnvironmentVariable("EACH") == "1";
var only = Environment.GetEnvironmentVariable("KINDS") is { } kinds && kinds is "body" or "title" ? kinds : null;
var pagesFirst = Environment.GetEnvironmentVariable("PAGES_FIRST") == "1";
var work = Path.Combine(Path.GetTempPath(), "rebuild-steps-" + Environment.ProcessId);
CopyFolder(Path.GetFullPath(args[0]), work);
try
{
    var options = new BuildOptions(work, Path.Combine(work, "_out"), Path.GetFullPath(args[1]));
    var session = new PreviewSession(options);
    var first = Stopwatch.StartNew();
    var result = session.Rebuild();
    if (result.Errors.Count > 0)
    {
        foreach (var error in result.Errors) Console.Error.WriteLine(error);
        return 1;
    }
    Console.WriteLine($"first build: {first.Elapsed.TotalMilliseconds:F0} ms, {session.Current.Files.Count} files");

    var page = Directory.EnumerateFiles(work, "*.md", SearchOption.AllDirectories)
        .Where(f => !f.EndsWith("index.md", StringComparison.Ordinal)
                    && !f.Contains($"{Path.DirectorySeparatorChar}works{Path.DirectorySeparatorChar}",
                        StringComparison.Ordinal)
                    && Path.GetDirectoryName(f) != work && !Path.GetFileName(f).StartsWith('_'))
        .Order(StringComparer.Ordinal).First();
    var original = File.ReadAllText(page);
    var titleLine = original.Split('\n').First(l => l.StartsWith("title:", StringComparison.Ordinal));
    var times = new Dictionary<string, List<(double Wall, double Cpu)>> { ["body"] = [], ["title"] = [] };
    var gcs = new Dictionary<string, List<(double PauseMs, int Gen2, double AllocatedMiB)>>
    {
        ["body"] = [], ["title"] = [],
    };
    var steps = new Dictionary<string, Dictionary<string, (double Ms, long Computed, long Reused, int Ran)>>
    {
        ["body"] = [], ["title"] = [],
    };
    var catchUps = new Dictionary<string, List<double>> { ["body"] = [], ["title"] = [] };
    var (title, appended) = (titleLine, "");
    for (var i = 0; i < 2 * (edits + 2); i++)
    {
        var kind = i % 2 == 0 ? "body" : "title";
        if (only is not null && kind != only) continue;
        if (kind == "body") appended = $"\n\nMarker paragraph {i}.\n";
        else title = $"title: \"Marker title {i}\"";
        File.WriteAllText(page, original.Replace(titleLine, title) + appended);
        var served = session.Current.Files;
        var cpu = Environment.CpuUsage.TotalTime;
        var (pause, gen2) = (GC.GetTotalPauseDuration(), GC.CollectionCount(2));
        var allocated = GC.GetTotalAllocatedBytes(true);
        var clock = Stopwatch.StartNew();
        var rebuilt = pagesFirst ? session.Publish(session.BuildPagesFirst([page])) : session.Rebuild([page]);
        var wall = clock.Elapsed.TotalMilliseconds;
        var cpuMs = (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds;
        if (rebuilt.Errors.Count > 0) throw new InvalidOperationException(rebuilt.Errors[0].ToString());
        var catchUp = Stopwatch.StartNew();
        if (rebuilt.Lagging.Count > 0 && session.Publish(session.CatchUp()).Errors is [var error, ..])
            throw new InvalidOperationException(error.ToString());
        if (i >= 4 && rebuilt.Lagging.Count > 0) catchUps[kind].Add(catchUp.Elapsed.TotalMilliseconds);
        if (i < 4) continue; // warm-up: the first edit of each kind compiles what it runs
        if (i < 6) // which served files the edit changed, the largest first
            Console.WriteLine($"{kind} edit changed: " + string.Join(", ", session.Current.Files
                .Where(f => !served.TryGetValue(f.Key, out var old) || !old.Span.SequenceEqual(f.Value.Span))
                .OrderByDescending(f => f.Value.Length).Take(8).Select(f => $"{f.Key} ({f.Value.Length / 1024} KB)")));
        times[kind].Add((wall, cpuMs));
        gcs[kind].Add(((GC.GetTotalPauseDuration() - pause).TotalMilliseconds, GC.CollectionCount(2) - gen2,
            (GC.GetTotalAllocatedBytes(true) - allocated) / 1048576.0));
        if (each)
            Console.WriteLine($"  {kind} edit {i}: {wall:F1} ms wall, {cpuMs:F1} ms CPU, " +
                              $"{gcs[kind][^1].PauseMs:F1} ms paused, {gcs[kind][^1].Gen2} full collections");
        foreach (var step in rebuilt.Steps)
        {
            var sum = steps[kind].GetValueOrDefault(step.Step);
            steps[kind][step.Step] = (sum.Ms + step.Elapsed.TotalMilliseconds, sum.Computed + step.Computed,
                sum.Reused + step.Reused, sum.Ran + (step.Ran ? 1 : 0));
        }
    }
    foreach (var kind in new[] { "body", "title" }.Where(k => only is null || k == only))
    {
        var list = times[kind];
        Console.WriteLine($"{kind}: median {Median(list.Select(t => t.Wall)):F1} ms wall, " +
            $"{Median(list.Select(t => t.Cpu)):F1} ms CPU over {list.Count} edits; garbage collection paused it " +
            $"{gcs[kind].Average(g => g.PauseMs):F1} ms an edit on average, " +
            $"{gcs[kind].Sum(g => g.Gen2)} full collections; it allocated " +
            $"{Median(gcs[kind].Select(g => g.AllocatedMiB)):F2} MiB an edit (median)");
        if (catchUps[kind].Count > 0)
            Console.WriteLine($"  then caught up in {Median(catchUps[kind]):F1} ms (median), the search index only");
        var byPipeline = steps[kind].GroupBy(s => s.Key.Split('/')[0])
            .Select(g => (Pipeline: g.Key, Ms: g.Sum(s => s.Value.Ms) / list.Count)).OrderByDescending(p => p.Ms);
        Console.WriteLine("  by pipeline (mean ms per edit): " +
            string.Join(", ", byPipeline.Select(p => $"{p.Pipeline} {p.Ms:F1}")));
        foreach (var (step, s) in steps[kind].OrderByDescending(s => s.Value.Ms).Take(shown))
            Console.WriteLine($"  {s.Ms / list.Count,8:F2} ms  ran {s.Ran,3}/{list.Count}  computed " +
                $"{s.Computed / list.Count,6}  reused {s.Reused / list.Count,6}  {step}");
    }
    return 0;
}
finally
{
    Directory.Delete(work, true);
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length == 0 ? double.NaN : (sorted[(sorted.Length - 1) / 2] + sorted[sorted.Length / 2]) / 2;
}

static void CopyFolder(string from, string to)
{
    foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
    {
        var target = Path.Combine(to, Path.GetRelativePath(from, file));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(file, target);
    }
}
