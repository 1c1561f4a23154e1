using System.Collections.Concurrent;
using KropotkinSite.Engine;
using KropotkinSite.IO;

namespace KropotkinSite.Incremental;

/// <summary>
/// The input files over the runs of a preview session. Each run begins with what changed since the last
/// (<see cref="Begin"/>); a file no change set has named since it was read gives the very document it gave
/// before, without a look at the disk, and a folder's listing is kept while no change can have added, removed or
/// renamed a file in it. A file named, or any file when the change set is unknown, is looked at again: when its
/// size, time and inode are the same, or its bytes turn out the same, it still gives the same document, so nothing
/// made from it is made again. A list of files asked for as a whole (<see cref="ReadAll"/>) again is answered from
/// the files named since, without a look at the others (<see cref="FileBatch"/>).
/// </summary>
public sealed class FileSnapshot : IFileSource
{
    /// <summary>A file as last read; <paramref name="Named"/> when a change set has named it since.</summary>
    private sealed record Known(FileRead Read, string? Stamp, int CheckedInRun, bool Named = false);

    private readonly ConcurrentDictionary<string, Known> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<(string[] Files, HashSet<string> Set)>> _listings =
        new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<IReadOnlyList<string>, FileBatch> _batches =
        new(ReferenceEqualityComparer.Instance);
    private ChangeSet _changes = ChangeSet.Unknown;
    private int _run;

    public void Begin(ChangeSet changes)
    {
        _run++;
        _changes = changes;
        foreach (var (root, listing) in _listings)
            if (changes.Paths is not { } paths
                || (listing.IsValueCreated && FileTree.MayChangeListing(root, listing.Value.Set, paths)))
                _listings.TryRemove(root, out _);
        // A file named is read again whenever it is next asked for, in this run or a later one.
        foreach (var path in changes.Paths ?? Enumerable.Empty<string>())
            if (_files.TryGetValue(path, out var known)) _files[path] = known with { Named = true };
        foreach (var (paths, batch) in _batches)
            if (changes.Paths is null || batch.UsedInRun < _run - 1) _batches.TryRemove(paths, out _);
            else batch.Note(changes.Paths);
    }

    public IReadOnlyList<string> List(string root) =>
        _listings.GetOrAdd(root, static root => new(() =>
        {
            var files = FileTree.List(root);
            return (files, files.ToHashSet(StringComparer.Ordinal));
        })).Value.Files;

    public FileRead Read(string root, string relativePath)
    {
        var full = Path.Combine(root, relativePath);
        var known = _files.GetValueOrDefault(full);
        if (known is not null && (known.CheckedInRun == _run || (_changes.IsKnown && !known.Named)))
            return known.Read;
        var stamp = NativeFiles.OrdinaryFileStamp(full);
        // Some file systems keep times to the second: a file the watcher named is read even when its stamp is the same.
        var read = known is not null && !_changes.IsKnown && !known.Named && stamp is not null && stamp == known.Stamp
            ? known.Read
            : Same(known?.Read, DiskFiles.ReadNow(root, relativePath));
        _files[full] = new Known(read, stamp, _run);
        return read;
    }

    public IReadOnlyList<FileRead> ReadAll(string root, IReadOnlyList<string> relativePaths,
        CancellationToken cancellation)
    {
        if (_batches.TryGetValue(relativePaths, out var batch) && batch.Root == root)
            return batch.Refresh(path => Read(root, path), _run);
        var reads = new FileRead[relativePaths.Count];
        Parallel.For(0, reads.Length, new ParallelOptions { CancellationToken = cancellation },
            i => reads[i] = Read(root, relativePaths[i]));
        if (FileBatch.Of(root, relativePaths, reads, _run) is { } made)
            _batches[relativePaths] = made;
        return reads;
    }

    public bool Exists(string fullPath) => File.Exists(fullPath);

    /// <summary>The earlier read when the file reads the same again, so what was made from it is kept.</summary>
    private static FileRead Same(FileRead? before, FileRead now) =>
        before is not null && StructuralEquality.Equal(before, now) ? before : now;
}
