using System.Diagnostics;
using KropotkinSite.Engine;
using KropotkinSite.Incremental;
using KropotkinSite.IO;
using KropotkinSite.Pipelines;

namespace KropotkinSite.Preview;

/// <summary>
/// Rebuilds a site again and again in one process. Each rebuild runs every pipeline as a full build does, over
/// the files as a <see cref="FileSnapshot"/> gives them and through a <see cref="BuildMemory"/> of the last run,
/// so that it reads, renders and checks only what the changed files touch; the result is the same as a full
/// build of the same input (once caught up, after <see cref="BuildPagesFirst"/>). A failed rebuild keeps the last
/// good snapshot.
/// </summary>
public sealed class PreviewSession(BuildOptions options)
{
    private readonly FileSnapshot _files = new();
    private readonly BuildMemory _memory = new();
    private readonly Lock _gate = new();
    private ChangeSet _unseen = ChangeSet.Unknown; // what changed since the last rebuild that finished
    private SiteSnapshot _current = SiteSnapshot.Empty;
    // the output pipelines' documents of the current snapshot, by name
    private IReadOnlyDictionary<string, IReadOnlyList<Document>>? _published;

    /// <summary>The last site that built without errors.</summary>
    public SiteSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Builds and serves the result when it is good (<see cref="Build"/>, then
    /// <see cref="Publish"/>).</summary>
    /// <param name="changedFiles">The files a watcher saw change since the last call; null when not known, and then
    /// every file is checked. An empty path means the watcher lost track.</param>
    public RebuildResult Rebuild(IEnumerable<string>? changedFiles = null, CancellationToken cancellation = default) =>
        Publish(Build(changedFiles, cancellation));

    /// <summary>Builds, and makes the snapshot a good build would serve, without serving it yet: a build that a
    /// later change makes void is never served, and the next build starts from what this one made.</summary>
    /// <param name="changedFiles">As for <see cref="Rebuild"/>: the files changed since the last build, whether it
    /// was served or not.</param>
    public PendingRebuild Build(IEnumerable<string>? changedFiles = null, CancellationToken cancellation = default) =>
        Build(changedFiles, pagesFirst: false, cancellation);

    /// <summary>As <see cref="Build(IEnumerable{string}, CancellationToken)"/>, but the pipelines that may lag
    /// (<see cref="Engine.Pipeline.MayLag"/>: the search index) keep what is served, so that the edited pages are
    /// served without waiting for them: the result names them in <see cref="RebuildResult.Lagging"/>, and once it
    /// is served <see cref="CatchUp"/> brings them up to date. Every check of the site is still made (of the pages as
    /// built, and of the files those pipelines serve). The first build of a session has nothing served to keep.
    /// </summary>
    public PendingRebuild BuildPagesFirst(IEnumerable<string>? changedFiles = null,
        CancellationToken cancellation = default) =>
        Build(changedFiles, pagesFirst: true, cancellation);

    /// <summary>Builds the same input again, this time every pipeline: after a build that left some lagging, the
    /// site a full build gives (the rest is confirmed unchanged, from memory). Served with <see cref="Publish"/> as
    /// any build.</summary>
    public PendingRebuild CatchUp(CancellationToken cancellation = default) => Build([], cancellation);

    private PendingRebuild Build(IEnumerable<string>? changedFiles, bool pagesFirst, CancellationToken cancellation)
    {
        lock (_gate)
        {
            _unseen = _unseen.And(ChangesOf(changedFiles));
            var stopwatch = Stopwatch.StartNew();
            _files.Begin(_unseen);
            _memory.BeginRun();
            var (engine, result) = SiteBuilder.Run(options, _files, cancellation, _memory,
                served: pagesFirst ? _published : null);
            _unseen = ChangeSet.Of([]); // a run that finished saw them all; one cancelled sees them again next time
            var steps = _memory.LastRun;
            var reused = steps.Sum(s => s.Reused + (s.Ran ? 0 : 1));
            var redone = steps.Sum(s => s.Computed + (s.Ran ? 1 : 0));
            if (!result.Succeeded)
                return new PendingRebuild(new RebuildResult(result.Errors, 0, reused, redone, stopwatch.Elapsed, steps),
                    null, new Dictionary<string, IReadOnlyList<Document>>());

            var outputs = SiteBuilder.OutputLists(engine, result);
            var previous = Current;
            var (files, changed) = Snapshot(outputs, previous);
            var site = new SiteSnapshot(files, previous.Version + 1);
            return new PendingRebuild(new RebuildResult([], changed, reused, redone, stopwatch.Elapsed, steps)
            {
                Lagging = result.Lagging,
            }, site, outputs);
        }
    }

    /// <summary>Serves a good build's site, unless another site has been served since it was built (a site is
    /// made against the one served before it).</summary>
    public RebuildResult Publish(PendingRebuild pending)
    {
        lock (_gate)
        {
            if (pending.Site is { } site && site.Version == Current.Version + 1)
            {
                _published = pending.Outputs;
                Volatile.Write(ref _current, site);
            }
            return pending.Result;
        }
    }

    /// <summary>The files of a new snapshot, and how many differ from the last one's. After an edit only the
    /// documents that are not the very ones published last time are looked at, whether they changed their content
    /// or their file (the search index names its files by their content).</summary>
    private (SiteFiles Files, int Changed) Snapshot(IReadOnlyDictionary<string, IReadOnlyList<Document>> outputs,
        SiteSnapshot previous)
    {
        if (OutputChanges.Between(outputs, _published) is var (removed, written) && previous.Files is SiteFiles last)
        {
            var files = last.With(removed, written);
            var touched = removed.Concat(written.Select(w => w.Key)).Distinct(StringComparer.Ordinal);
            return (files, touched.Count(path => Differs(last, files, path)));
        }
        var all = SiteFiles.Of(outputs.Values.SelectMany(list => list).Where(d => d.Destination.Length > 0)
            .Select(d => KeyValuePair.Create(d.Destination, d.Content)));
        var changed = all.Count(f => Differs(previous.Files, all, f.Key))
                      + previous.Files.Keys.Count(k => !all.ContainsKey(k));
        return (all, changed);
    }

    /// <summary>Whether a file is new, gone or holds other bytes in the second site.</summary>
    private static bool Differs(IReadOnlyDictionary<string, ReadOnlyMemory<byte>> before,
        IReadOnlyDictionary<string, ReadOnlyMemory<byte>> after, string path) =>
        before.TryGetValue(path, out var old) != after.TryGetValue(path, out var now)
        || !(old.Equals(now) || old.Span.SequenceEqual(now.Span));

    /// <summary>What the watcher saw, as a change set. A path outside the folders as the session names them (a
    /// system that reports a link's target, such as /private/var for /var) makes it unknown: trusting it would
    /// miss the edit. So does an empty path (the watcher lost track) or no list at all.</summary>
    private ChangeSet ChangesOf(IEnumerable<string>? changedFiles)
    {
        var paths = changedFiles?.Select(p => p.Length == 0 ? "" : Path.GetFullPath(p)).ToArray();
        return paths is null || paths.Any(p => p.Length == 0
                                               || (!FolderPaths.Contains(options.InputDirectory, p)
                                                   && !FolderPaths.Contains(options.ThemeDirectory, p)))
            ? ChangeSet.Unknown
            : ChangeSet.Of(paths);
    }
}
