using System.Diagnostics;
using KropotkinSite.Engine;
using KropotkinSite.IO;
using KropotkinSite.Pipelines;

namespace KropotkinSite.Preview;

/// <summary>
/// Rebuilds a site again and again in one process. A <see cref="ModuleCache"/> keeps what each step made,
/// keyed by fingerprints of everything it depends on, and what each step saw last run; with the watcher's
/// list of changed files, a rebuild after an edit reads, renders and checks only what the edit touches, and
/// the result is the same as a full build of the same input. A failed rebuild keeps the last good snapshot.
/// </summary>
public sealed class PreviewSession(BuildOptions options)
{
    private readonly ModuleCache _cache = new();
    private readonly Lock _gate = new();
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);
    private SiteSnapshot _current = SiteSnapshot.Empty;
    private Document[]? _published; // the documents of the current snapshot, in order

    public BuildOptions Options => options;

    /// <summary>The last site that built without errors.</summary>
    public SiteSnapshot Current => Volatile.Read(ref _current);

    public IReadOnlyList<ContentError> LastErrors { get; private set; } = [];

    /// <param name="changedFiles">The files a watcher saw change since the last call; null when not known, and then
    /// every file is checked. An empty path means the watcher lost track.</param>
    public RebuildResult Rebuild(IEnumerable<string>? changedFiles = null, CancellationToken cancellation = default)
    {
        lock (_gate)
        {
            NoteChanges(changedFiles);
            var stopwatch = Stopwatch.StartNew();
            var (engine, result, errors) = SiteBuilder.Run(options, cancellation, _cache);
            _changed.Clear(); // a run that finished saw them all; one cancelled sees them again next time
            _cache.FilesChanged = _changed;
            LastErrors = errors;
            if (errors.Count > 0)
                return new RebuildResult(errors, 0, _cache.Hits, _cache.Misses, stopwatch.Elapsed);

            var outputs = SiteBuilder.OutputFiles(engine, result).ToArray();
            var previous = Current;
            var (files, changed) = Snapshot(outputs, previous);
            _published = outputs;
            Volatile.Write(ref _current, new SiteSnapshot(files, previous.Version + 1));
            return new RebuildResult([], changed, _cache.Hits, _cache.Misses, stopwatch.Elapsed);
        }
    }

    /// <summary>The files of a new snapshot, and how many differ from the last one's. After an edit only the
    /// documents that are not the very ones published last time are looked at.</summary>
    private (Dictionary<string, ReadOnlyMemory<byte>> Files, int Changed) Snapshot(Document[] outputs, SiteSnapshot previous)
    {
        Dictionary<string, ReadOnlyMemory<byte>> files;
        if (Positions.Changed(outputs, _published) is { } edited && previous.Files is Dictionary<string, ReadOnlyMemory<byte>> last
            && edited.All(i => outputs[i].Destination == _published![i].Destination))
        {
            files = new Dictionary<string, ReadOnlyMemory<byte>>(last, StringComparer.Ordinal);
            foreach (var i in edited) files[outputs[i].Destination] = outputs[i].Content;
            return (files, edited.Count(i => !_published![i].Content.Span.SequenceEqual(outputs[i].Content.Span)));
        }
        files = outputs.ToDictionary(d => d.Destination, d => d.Content, StringComparer.Ordinal); // never changed once published
        var changed = files.Count(f => !previous.Files.TryGetValue(f.Key, out var old) || !(old.Equals(f.Value) || old.Span.SequenceEqual(f.Value.Span)))
                      + previous.Files.Keys.Count(k => !files.ContainsKey(k));
        return (files, changed);
    }

    /// <summary>Adds what the watcher saw to the changes the next run must look at, or makes them unknown.
    /// A path outside the folders as the session names them (a system that reports a link's target, such as
    /// /private/var for /var) makes them unknown too: trusting it would miss the edit.</summary>
    private void NoteChanges(IEnumerable<string>? changedFiles)
    {
        var paths = changedFiles?.Select(p => p.Length == 0 ? "" : Path.GetFullPath(p)).ToArray();
        if (paths is null || paths.Any(p => p.Length == 0 || !FolderPaths.Contains(options.InputDirectory, p) && !FolderPaths.Contains(options.ThemeDirectory, p)))
            _cache.FilesChanged = null;
        else if (_cache.FilesChanged is not null)
            _changed.UnionWith(paths);
    }
}
