using KropotkinSite.Engine;
using KropotkinSite.IO;

namespace KropotkinSite.Incremental;

/// <summary>
/// What a <see cref="FileSnapshot"/> gave for one list of files of a folder, asked for as a whole, and which of
/// them the watcher has named since: asked again for the very same list, it reads those again and no other. A list
/// that differs (a file added or removed) is another batch.
/// </summary>
internal sealed class FileBatch
{
    private readonly string _prefix;
    private readonly IReadOnlyList<string> _paths;
    private readonly HashSet<int> _named = [];
    private FileRead[] _reads;

    private FileBatch(string root, IReadOnlyList<string> paths, FileRead[] reads, int run)
    {
        (Root, _prefix, _paths, _reads, UsedInRun) = (root, FolderPaths.WithSeparator(root), paths, reads, run);
    }

    public string Root { get; }

    /// <summary>The last run that asked for the list.</summary>
    public int UsedInRun { get; private set; }

    /// <summary>A batch of files read, or null when their paths are not in ordinal order (then a named file could
    /// not be found among them by a binary search, and each is looked up one by one instead).</summary>
    public static FileBatch? Of(string root, IReadOnlyList<string> paths, FileRead[] reads, int run)
    {
        for (var i = 1; i < paths.Count; i++)
            if (string.CompareOrdinal(paths[i - 1], paths[i]) >= 0) return null;
        return new FileBatch(root, paths, reads, run);
    }

    /// <summary>Notes which of the files changed, from their full paths.</summary>
    public void Note(IEnumerable<string> changedFullPaths)
    {
        lock (_named)
            foreach (var path in changedFullPaths)
                if (path.StartsWith(_prefix, StringComparison.Ordinal)
                    && IndexOf(path[_prefix.Length..].Replace(Path.DirectorySeparatorChar, '/')) is var i and >= 0)
                    _named.Add(i);
    }

    /// <summary>The reads of the list now: last time's, with the files named since read again by
    /// <paramref name="read"/>. The list given out is never changed afterwards: a file that reads otherwise makes
    /// a new one.</summary>
    public FileRead[] Refresh(Func<string, FileRead> read, int run)
    {
        lock (_named)
        {
            FileRead[]? changed = null;
            foreach (var i in _named)
            {
                var now = read(_paths[i]);
                if (ReferenceEquals(now, _reads[i])) continue;
                changed ??= (FileRead[])_reads.Clone();
                changed[i] = now;
            }
            _named.Clear();
            if (changed is not null) _reads = changed;
            UsedInRun = run;
            return _reads;
        }
    }

    private int IndexOf(string relativePath)
    {
        var (low, high) = (0, _paths.Count - 1);
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var order = string.CompareOrdinal(_paths[middle], relativePath);
            if (order == 0) return middle;
            if (order < 0) low = middle + 1;
            else high = middle - 1;
        }
        return -1;
    }
}
