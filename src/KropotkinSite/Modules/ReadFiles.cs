using KropotkinSite.Content;
using KropotkinSite.Engine;

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

/// <summary>Lists the files of a folder as relative paths with '/', sorted ordinally so order never depends on the disk.</summary>
public static class FileTree
{
    /// <summary>
    /// Every file below a folder. Symbolic links to folders are listed as entries, never followed, so a link can
    /// lead the build neither out of the folder nor round in a loop; a folder that cannot be opened is listed as
    /// an entry too. Reading either is refused with a reason (<see cref="Refusal"/>) instead of being skipped.
    /// </summary>
    public static string[] List(string root)
    {
        if (!Directory.Exists(root)) return [];
        string[] files;
        try
        {
            files = ListQuickly(root);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var list = new List<string>(); // a folder that cannot be opened: walk again, listing it as an entry
            Walk(new DirectoryInfo(root), root, list);
            files = [.. list];
        }
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }

    private static string[] ListQuickly(string root)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
        return new System.IO.Enumeration.FileSystemEnumerable<string>(root, (ref System.IO.Enumeration.FileSystemEntry entry) =>
            {
                var folder = entry.Directory.Length > entry.RootDirectory.Length ? entry.Directory[(entry.RootDirectory.TrimEnd(Path.DirectorySeparatorChar).Length + 1)..] : [];
                var relative = folder.IsEmpty ? entry.FileName.ToString() : string.Concat(folder, "/", entry.FileName);
                return Path.DirectorySeparatorChar == '\\' ? relative.Replace('\\', '/') : relative;
            }, options)
        {
            ShouldIncludePredicate = (ref System.IO.Enumeration.FileSystemEntry entry) => !entry.IsDirectory || IsLink(entry.Attributes),
            ShouldRecursePredicate = (ref System.IO.Enumeration.FileSystemEntry entry) => !IsLink(entry.Attributes),
        }.ToArray();
    }

    private static bool IsLink(FileAttributes attributes) => (attributes & FileAttributes.ReparsePoint) != 0;

    private static void Walk(DirectoryInfo folder, string root, List<string> files)
    {
        FileSystemInfo[] entries;
        try
        {
            entries = folder.GetFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            files.Add(Relative(root, folder.FullName));
            return;
        }
        foreach (var entry in entries)
        {
            if (entry is DirectoryInfo directory && !IsLink(entry.Attributes)) Walk(directory, root, files);
            else files.Add(Relative(root, entry.FullName));
        }
    }

    private static string Relative(string root, string full)
    {
        var relative = Path.GetRelativePath(root, full);
        return Path.DirectorySeparatorChar == '\\' ? relative.Replace('\\', '/') : relative;
    }

    /// <summary>Whether changes to some files (absolute paths) may have added, removed or renamed a file of a
    /// listing of a folder: a changed path below it that was not a listed file, or a listed file now gone.</summary>
    public static bool MayChangeListing(string root, IReadOnlySet<string> listed, IEnumerable<string> changedFiles)
    {
        var prefix = FolderPaths.WithSeparator(root);
        foreach (var path in changedFiles)
        {
            if (!path.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var relative = path[prefix.Length..].Replace(Path.DirectorySeparatorChar, '/');
            if (!listed.Contains(relative) || !File.Exists(path)) return true;
        }
        return false;
    }

    /// <summary>
    /// Why a listed entry must not be read, or null when it may: a symbolic link that leads out of the folder, to
    /// nothing or to a folder; a folder that cannot be opened; a named pipe, socket or device, which would block
    /// or never end.
    /// </summary>
    public static string? Refusal(string root, string relative)
    {
        var full = Path.Combine(root, relative);
        var info = new FileInfo(full);
        if (info.Attributes.HasFlag(FileAttributes.ReparsePoint) && info.LinkTarget is { } target)
        {
            var resolved = NativeFiles.RealPath(full);
            if (resolved is null || !Path.Exists(resolved)) return $"it is a symbolic link to '{target}', which does not exist";
            if (Directory.Exists(resolved)) return $"it is a symbolic link to the folder '{target}', and the build does not follow links to folders; move or copy the folder here instead";
            var inside = (NativeFiles.RealPath(root) ?? Path.GetFullPath(root)).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            if (!resolved.StartsWith(inside, StringComparison.Ordinal))
                return $"it is a symbolic link to '{resolved}', outside {root}; the build reads only what lies inside, so copy the file here instead";
        }
        if (Directory.Exists(full)) return "it is a folder that cannot be opened; check its permissions";
        if (NativeFiles.IsSpecialFile(full)) return "it is not an ordinary file but a named pipe, socket or device";
        return null;
    }
}
