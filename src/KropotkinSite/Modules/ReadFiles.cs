using KropotkinSite.Content;
using KropotkinSite.Engine;
using KropotkinSite.IO;

namespace KropotkinSite.Modules;

/// <summary>
/// Reads files, in ordinal path order whatever the disk's order, and adds them to the documents it is given.
/// Each document's metadata holds <c>relativePath</c> (with '/').
/// </summary>
public sealed class ReadFiles : IModule
{
    public const string RelativePath = "relativePath";

    private readonly Func<IReadOnlyList<string>> _list;
    private readonly Func<string, string> _fullPath;

    /// <summary>The files below a folder that a filter accepts; those that must not be read are reported.
    /// <paramref name="listing"/>, when given, is the folder's file list already made for this build (so many
    /// pipelines need not walk the same folder).</summary>
    public ReadFiles(string root, Func<string, bool> accept, IReadOnlyList<string>? listing = null)
    {
        _list = () => (listing ?? FileTree.List(root)).Where(accept).ToArray();
        _fullPath = relative => Path.Combine(root, relative);
    }

    /// <summary>Files named by relative path, each with the full path to read it from.</summary>
    public ReadFiles(IEnumerable<KeyValuePair<string, string>> files)
    {
        var fullPaths = files.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        _list = () => fullPaths.Keys.Order(StringComparer.Ordinal).ToArray();
        _fullPath = relative => fullPaths[relative];
    }

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var paths = _list();
        var cache = context.Cache;
        var outcomes = new Outcome[paths.Count];
        var last = cache?.Recall<FilesRead>(context.Step);
        // In a preview session whose watcher saw which files changed, the same files as last run are as they were,
        // but for those it names: they are found by position, without looking at the others at all.
        var seen = cache?.FilesChanged is { } changed && last is not null && last.Lists(paths) ? last.IndicesOf(changed) : null;
        if (seen is not null) Array.Copy(last!.Outcomes, outcomes, outcomes.Length);
        Parallel.ForEach(seen ?? Enumerable.Range(0, paths.Count), i =>
        {
            var relative = paths[i];
            var full = _fullPath(relative);
            var stamp = NativeFiles.OrdinaryFileStamp(full); // one system call says an ordinary file may be read
            if (stamp is null && FileTree.Refusal(full[..^relative.Length], relative) is { } refusal) // a file that must not be read is reported
            {
                outcomes[i] = new Outcome(null, new ContentError(full, 1, 1, ErrorCodes.UnreadableFile, $"is not read: {refusal}"));
                return;
            }
            try
            {
                outcomes[i] = new Outcome(cache is null ? new ModuleCache.Entry(Read(relative, full), [], 0) : ReadThroughCache(relative, full, stamp, cache, context.Step, seen is not null), null);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                outcomes[i] = new Outcome(null, new ContentError(full, 1, 1, ErrorCodes.UnreadableFile,
                    $"cannot be read ({e.Message}); check that it is a readable file"));
            }
        });
        foreach (var outcome in outcomes)
            if (outcome.Error is { } error) context.Report(error);
        if (cache is not null)
        {
            cache.CountReused(seen is null ? 0 : paths.Count - seen.Count);
            cache.Keep(context.Step, new FilesRead(paths, outcomes, seen is not null ? last!.AbsolutePaths
                : new(() => paths.Select((relative, i) => (Path.GetFullPath(_fullPath(relative)), i)).ToDictionary(p => p.Item1, p => p.i, StringComparer.Ordinal))));
        }
        return [.. inputs, .. outcomes.Select(o => o.Document).OfType<Document>()];
    }

    /// <summary>What became of one file: its document (as the cache holds it), or why it was not read.</summary>
    private readonly record struct Outcome(ModuleCache.Entry? Read, ContentError? Error)
    {
        public Document? Document => Read?.Output;
    }

    /// <summary>What a preview session keeps from the last run: the files and what became of each, in order.</summary>
    private sealed class FilesRead(IReadOnlyList<string> paths, Outcome[] outcomes, Lazy<Dictionary<string, int>> absolutePaths)
        : ModuleCache.IHoldEntries
    {
        public Outcome[] Outcomes => outcomes;

        public IEnumerable<ModuleCache.Entry> Entries => outcomes.Select(o => o.Read).OfType<ModuleCache.Entry>();

        /// <summary>Each file's position by its absolute path (as a watcher names it), made once per list of files.</summary>
        public Lazy<Dictionary<string, int>> AbsolutePaths => absolutePaths;

        public bool Lists(IReadOnlyList<string> now) => now.SequenceEqual(paths, StringComparer.Ordinal);

        public List<int> IndicesOf(IReadOnlySet<string> absolutePaths) =>
            absolutePaths.Select(path => AbsolutePaths.Value.TryGetValue(path, out var i) ? i : -1).Where(i => i >= 0).ToList();
    }

    private static string FileStamp(string full)
    {
        var info = new FileInfo(full);
        return $"{info.Length}|{info.LastWriteTimeUtc.Ticks}";
    }

    private static Document Read(string relative, string full) =>
        Document.Create(full, "", File.ReadAllBytes(full)).With(RelativePath, relative);

    /// <summary>In a preview session, a file whose size and modification time are unchanged is not read again,
    /// unless the watcher saw it change (some file systems keep modification times to the second).
    /// Its fingerprint (a hash of its path and bytes) keys the cached work of later modules.</summary>
    private static ModuleCache.Entry ReadThroughCache(string relative, string full, string? ordinaryFileStamp, ModuleCache cache, string step, bool seenToChange)
    {
        var stamp = full + "|" + (ordinaryFileStamp ?? FileStamp(full));
        if (!seenToChange && cache.Find(step, stamp) is { Output: not null } cached) return cached;
        var document = Read(relative, full);
        var hash = System.Security.Cryptography.SHA256.HashData([.. System.Text.Encoding.UTF8.GetBytes(full + "\0"), .. document.Content.Span]);
        return cache.Add(step, stamp, document.With(ModuleCache.Fingerprint, Convert.ToHexString(hash)), []);
    }
}
