using System.Globalization;
using System.Net;
using System.Threading.Channels;
using KropotkinSite.Content;
using KropotkinSite.Engine;
using KropotkinSite.Pipelines;

namespace KropotkinSite.Preview;

/// <summary>
/// <c>preview</c>: listens first (a port in use stops it before anything is built or written), takes the
/// output folder's lock, builds, serves the site on loopback, watches the input and the theme, rebuilds what a
/// change touches, keeps the output folder equal to a full build, and reloads open pages. It stops when the
/// token is cancelled (SIGINT, SIGTERM, SIGHUP), releasing the lock, with the output folder whole.
/// </summary>
public static class PreviewCommand
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(2);
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan Idle = TimeSpan.FromMilliseconds(50);

    public static async Task<int> RunAsync(BuildOptions options, IPAddress host, int port, TextWriter stdout,
        TextWriter stderr, CancellationToken cancellation)
    {
        var session = new PreviewSession(options);
        var reload = new LiveReload();
        var inFlight = new ChangesInFlight();
        await using var server = new PreviewServer(session, reload, inFlight);
        try
        {
            await server.StartAsync(host, port, cancellation);
        }
        catch (IOException e)
        {
            stderr.WriteLine($"error: cannot listen on {host}:{port}: {e.Message} Is another preview running there? " +
                             "--port 0 picks a free port. Nothing was built or written.");
            return CommandLine.BadUsage;
        }
        var command = $"KropotkinSite preview at {server.Address}";
        using var outputLock = CommandLine.LockOutput(options.OutputDirectory, command, stdout, stderr,
            out var refused);
        if (outputLock is null) return refused;

        var output = new OutputMirror(options.OutputDirectory);
        // The output folder is brought up to date beside the rebuilds, one update after the other, so that a change
        // saved meanwhile is built at once rather than once the disk is written (at 1,000 pages, writing after a
        // title edit takes 100-300 ms on a busy machine).
        var writing = Task.CompletedTask;
        CancellationTokenSource? mending = null; // stops the look over output/ that follows the last writing
        using var watcher = new SiteWatcher([options.InputDirectory, options.ThemeDirectory]);
        try
        {
            if (Publish(session, Attempt(() => session.Build(null, cancellation), options), options, stdout, stderr,
                    reload))
            {
                var first = session.Current.Files;
                WriteOutput(() => output.Bring(SiteSnapshot.Empty.Files, first, cancellation), options, stdout, stderr);
            }
            stdout.WriteLine($"Serving {options.InputDirectory} at {server.Address} (Ctrl+C to stop)");
            var lostTrack = false;
            while (true)
            {
                await watcher.Changes.WaitToReadAsync(cancellation);
                mending?.Cancel(); // the look over output/ gives way to the rebuild, and is made again after it
                inFlight.Seen();
                // After a folder was missing the changes seen meanwhile are unknown: every file is checked. The edited
                // pages are served first; the search index catches up right after, unless another change comes.
                var attempt = await SettledRebuild.NextAsync(watcher.Changes, Pause, Quiet,
                    changed => Attempt(() => session.BuildPagesFirst(lostTrack ? null : changed, cancellation),
                        options), cancellation);
                var before = session.Current;
                var built = Publish(session, attempt, options, stdout, stderr, reload);
                inFlight.Settled();
                lostTrack = MissingFolder(options) is not null;
                if (built) Mirror(before);
                if (built && attempt.Pending!.Result.Lagging.Count > 0)
                {
                    before = session.Current;
                    if (await CatchUpAsync(session, options, watcher.Changes, inFlight, cancellation) is { } caughtUp
                        && Publish(session, caughtUp, options, stdout, stderr, reload, catchingUp: true))
                        Mirror(before);
                }
                // What the rebuild left behind is collected once the page has been read, rather than in the middle
                // of the next rebuild, which then starts with its young generations empty (at 1,000 pages a body
                // edit then pauses for no collection, a title edit about 5 ms less). Not at once: the collection
                // stops every thread for 1-5 ms, the server's too, just when the browser asks for the page.
                await CollectWhenIdleAsync(watcher.Changes, cancellation);
            }

            // Brings output/ from the site served before to the one served now, then looks it over when idle.
            void Mirror(SiteSnapshot before)
            {
                // A writing that failed is a bug, not a disk that refused (that is reported and served around): stop.
                if (writing.IsFaulted) writing.GetAwaiter().GetResult();
                var (from, to) = (before.Files, session.Current.Files);
                writing = WriteAfterAsync(writing, () => output.Bring(from, to), options, stdout, stderr);
                mending?.Dispose();
                mending = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
                var stop = mending.Token;
                writing = WriteAfterAsync(writing, () => output.Mend(stop), options, stdout, stderr);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            stdout.WriteLine("Stopped.");
        }
        finally
        {
            await writing; // the folder whole before its lock is let go
            mending?.Dispose();
        }
        return CommandLine.Success;
    }

    /// <summary>Collects the young generations after <see cref="Idle"/>, unless a change comes first (the rebuild it
    /// starts collects as it goes).</summary>
    private static async Task CollectWhenIdleAsync(ChannelReader<string> changes, CancellationToken cancellation)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        idle.CancelAfter(Idle);
        try
        {
            await changes.WaitToReadAsync(idle.Token);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            GC.Collect(1);
        }
    }

    /// <summary>Writes the output folder (<see cref="WriteOutput"/>) once the writing before has ended, on a thread
    /// of its own.</summary>
    private static async Task WriteAfterAsync(Task before, Func<OutputMirror.Update> write, BuildOptions options,
        TextWriter stdout, TextWriter stderr)
    {
        await before;
        await Task.Run(() => WriteOutput(write, options, stdout, stderr));
    }

    /// <summary>Builds without serving (see <see cref="SettledRebuild"/>): the build, or what stood in its way. A
    /// missing input or theme folder is reported as what it is, not as the errors a build of nothing gives.</summary>
    private static (PendingRebuild? Pending, ContentError? Failure) Attempt(Func<PendingRebuild> build,
        BuildOptions options)
    {
        if (MissingFolder(options) is { } missing) return (null, missing);
        try
        {
            return (build(), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (null, MissingFolder(options) ?? InternalError.Of(options.InputDirectory, e));
        }
    }

    /// <summary>Builds what the last rebuild left lagging (<see cref="PreviewSession.CatchUp"/>), unless a change
    /// comes first: then null, and the change's rebuild leaves it lagging in turn, until the edits pause. Pages
    /// asked for once the change is seen wait for its rebuild, as they do when it comes while the preview is idle.
    /// </summary>
    private static async Task<(PendingRebuild? Pending, ContentError? Failure)?> CatchUpAsync(PreviewSession session,
        BuildOptions options, ChannelReader<string> changes, ChangesInFlight inFlight, CancellationToken cancellation)
    {
        using var interrupted = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var building = Task.Run(() => Attempt(() => session.CatchUp(interrupted.Token), options), cancellation);
        var changed = changes.WaitToReadAsync(interrupted.Token).AsTask();
        if (await Task.WhenAny(building, changed) == changed) inFlight.Seen();
        interrupted.Cancel(); // the catch-up when a change came first, else the wait for one
        try
        {
            return await building; // good even when a change came as it ended: it read no file anew
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return null; // stopped for the change, which the next rebuild takes
        }
    }

    /// <summary>Serves a good build and reports; true when the session has a new good site. Open pages are reloaded,
    /// but after a catch-up (<paramref name="catchingUp"/>), which changes no page.</summary>
    private static bool Publish(PreviewSession session, (PendingRebuild? Pending, ContentError? Failure) attempt,
        BuildOptions options, TextWriter stdout, TextWriter stderr, LiveReload reload, bool catchingUp = false)
    {
        if (attempt is not { Pending: { } pending })
        {
            ReportErrors([attempt.Failure!], stderr, reload);
            return false;
        }
        if (pending.Result.Errors.Count > 0)
        {
            ReportErrors(MissingFolder(options) is { } gone ? [gone] : pending.Result.Errors, stderr, reload);
            return false;
        }
        var result = session.Publish(pending);
        var lagging = result.Lagging.Count == 0 ? "" : $" ({string.Join(", ", result.Lagging)} to follow)";
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(catchingUp ? "Caught up" : "Rebuilt")} in {result.Elapsed.TotalMilliseconds:F0} ms: " +
            $"{result.FilesChanged} file(s) changed, {result.CacheMisses} step(s) redone, {result.CacheHits} reused" +
            $"{lagging}"));
        if (!catchingUp) reload.Reload(result.FilesChanged);
        return true;
    }

    private static ContentError? MissingFolder(BuildOptions options)
    {
        foreach (var (folder, what) in new[] { (options.InputDirectory, "input"), (options.ThemeDirectory, "theme") })
            if (!Directory.Exists(folder))
                return new ContentError(folder, 1, 1, ErrorCodes.UnreadableFile,
                    $"the {what} folder is gone (renamed or deleted); the last good site is still served, " +
                    "and the preview builds again when the folder is back");
        return null;
    }

    private static void ReportErrors(IReadOnlyList<ContentError> errors, TextWriter stderr, LiveReload reload)
    {
        foreach (var error in errors) stderr.WriteLine(error);
        stderr.WriteLine($"Build failed: {errors.Count} error(s); still serving the last good site.");
        reload.Problem(string.Join('\n', errors));
    }

    /// <summary>Writes the output folder; when it cannot be (a full disk, a read-only folder) the preview says so and
    /// goes on serving from memory, and the next rebuild tries again.</summary>
    private static void WriteOutput(Func<OutputMirror.Update> write, BuildOptions options, TextWriter stdout,
        TextWriter stderr)
    {
        try
        {
            if (write() is { Mended: > 0 } update)
                stdout.WriteLine($"{ContentError.DisplayPath(options.OutputDirectory)} had been changed by something " +
                                 $"else: {update.Mended} file(s) written again or removed, as a full build has them.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: {e.Message}; the site is still served from memory, " +
                             "and the next rebuild writes it again.");
        }
    }
}
