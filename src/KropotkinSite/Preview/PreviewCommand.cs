using System.Globalization;
using System.Net;
using KropotkinSite.Engine;
using KropotkinSite.IO;

namespace KropotkinSite.Preview;

/// <summary>
/// <c>preview</c>: builds, serves the site on loopback, watches the input and the theme, rebuilds what a
/// change touches, and reloads open pages. Ctrl+C stops it.
/// </summary>
public static class PreviewCommand
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(10);

    public static async Task<int> RunAsync(Pipelines.BuildOptions options, IPAddress host, int port, TextWriter stdout, TextWriter stderr, CancellationToken cancellation)
    {
        var session = new PreviewSession(options);
        var reload = new LiveReload();
        var first = session.Rebuild(null, cancellation);
        Report(first, stdout, stderr, reload);
        if (first.Errors.Count == 0) OutputWriter.Publish(options.OutputDirectory, SnapshotDocuments(session.Current), cancellation);

        await using var server = new PreviewServer(session, reload);
        await server.StartAsync(host, port, cancellation);
        stdout.WriteLine($"Serving {options.InputDirectory} at {server.Address} (Ctrl+C to stop)");

        using var watcher = new SiteWatcher([options.InputDirectory, options.ThemeDirectory]);
        try
        {
            while (true)
            {
                var changed = await watcher.NextBurstAsync(Quiet, cancellation);
                var before = session.Current;
                var result = session.Rebuild(changed, cancellation); // an empty path: the watcher lost track
                Report(result, stdout, stderr, reload);
                if (result.Errors.Count == 0 && session.Current != before)
                    OutputWriter.Sync(options.OutputDirectory, before.Files, session.Current.Files);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            stdout.WriteLine("Stopped.");
        }
        return CommandLine.Success;
    }

    private static IEnumerable<Document> SnapshotDocuments(SiteSnapshot snapshot) =>
        snapshot.Files.Select(f => Document.Create("", f.Key, f.Value));

    private static void Report(RebuildResult result, TextWriter stdout, TextWriter stderr, LiveReload reload)
    {
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors) stderr.WriteLine(error);
            stderr.WriteLine($"Build failed: {result.Errors.Count} error(s); still serving the last good site.");
            reload.Problem(string.Join('\n', result.Errors));
            return;
        }
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Rebuilt in {result.Elapsed.TotalMilliseconds:F0} ms: {result.FilesChanged} file(s) changed, {result.CacheMisses} step(s) redone, {result.CacheHits} reused"));
        reload.Reload(result.FilesChanged);
    }
}
