using System.IO.Enumeration;
using KropotkinSite.Engine;
using KropotkinSite.IO;

namespace KropotkinSite.Preview;

/// <summary>
/// Keeps the output folder equal to the site the preview serves, which is what a full build would write,
/// even when something else deletes, changes or adds files in it during the session. After a rebuild
/// <see cref="Bring"/> writes the files that changed and deletes those that went; <see cref="Mend"/> then looks over
/// the whole folder (one listing and a status call a file, no file read) for what something else did: a file that is
/// missing or not as it was left (by its size and modification time) is written again, and a file or folder the
/// site does not have is deleted. The look is the costly part (at 10,000 pages a quarter of a second of system
/// calls), so it gives way to the next rebuild when an edit comes first, and is made after that one instead.
/// </summary>
public sealed class OutputMirror(string outputDirectory)
{
    private readonly string _root = FolderPaths.WithSeparator(outputDirectory);
    private Dictionary<string, FileStamp> _left = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, ReadOnlyMemory<byte>> _site = new Dictionary<string, ReadOnlyMemory<byte>>();
    private bool _published;

    /// <summary>What an update did: files written for the rebuild's changes, and files written again or deleted
    /// because something else had changed the folder.</summary>
    public readonly record struct Update(int Written, int Mended);

    private readonly record struct FileStamp(long Length, DateTime Modified);

    /// <summary>Writes the whole site into a fresh folder and swaps it in, as a build does.</summary>
    private int Publish(IReadOnlyDictionary<string, ReadOnlyMemory<byte>> files, CancellationToken cancellation)
    {
        var documents = files.Select(f => Document.Create("", f.Key, f.Value));
        var written = OutputWriter.Publish(outputDirectory, documents, cancellation);
        _left = Scan(CancellationToken.None).Files;
        _published = true;
        return written;
    }

    /// <summary>Brings the folder from the site it held (<paramref name="before"/>) to the next one: writes the files
    /// that differ and deletes the files the next site does not have, with the folders they leave empty. The first
    /// time, or when the folder is gone, publishes the whole site.</summary>
    public Update Bring(IReadOnlyDictionary<string, ReadOnlyMemory<byte>> before,
        IReadOnlyDictionary<string, ReadOnlyMemory<byte>> after, CancellationToken cancellation = default)
    {
        _site = after;
        if (!_published || !Directory.Exists(outputDirectory))
        {
            var vanished = _published;
            var all = Publish(after, cancellation);
            return vanished ? new Update(0, all) : new Update(all, 0);
        }
        var written = 0;
        foreach (var (destination, content) in after)
            if (!before.TryGetValue(destination, out var old)
                || !(old.Equals(content) || old.Span.SequenceEqual(content.Span)))
            {
                Write(destination, content);
                written++;
            }
        foreach (var destination in before.Keys.Where(k => !after.ContainsKey(k)))
            Delete(destination);
        return new Update(written, 0);
    }

    /// <summary>Puts right what something else changed in the folder since it was left (see the class); gives the
    /// files and folders written again or deleted. When <paramref name="cancellation"/> is cancelled it stops where it
    /// is, harmlessly, and the next call looks again.</summary>
    public Update Mend(CancellationToken cancellation)
    {
        if (!_published) return default;
        if (!Directory.Exists(outputDirectory)) return new Update(0, Publish(_site, CancellationToken.None));
        var disk = Scan(cancellation);
        if (cancellation.IsCancellationRequested) return default;
        var mended = 0;
        foreach (var (destination, content) in _site)
            if (!(disk.Files.TryGetValue(destination, out var found) && _left.TryGetValue(destination, out var left)
                  && found == left))
            {
                Write(destination, content);
                mended++;
            }
        foreach (var destination in disk.Files.Keys.Where(k => !_site.ContainsKey(k)))
        {
            File.Delete(Path.Combine(_root, destination));
            _left.Remove(destination);
            mended++;
        }
        DeleteFoldersWithoutFiles(disk.Folders, _site.Keys);
        return new Update(0, mended);
    }

    /// <summary>Deletes a file of the site that went, and the folders that held only it (something else may have
    /// deleted them already).</summary>
    private void Delete(string destination)
    {
        var path = OutputWriter.FullPathInside(_root, destination);
        _left.Remove(destination);
        if (File.Exists(path)) File.Delete(path);
        for (var folder = Path.GetDirectoryName(path);
             folder is not null && folder.Length >= _root.Length && Directory.Exists(folder)
             && !Directory.EnumerateFileSystemEntries(folder).Any();
             folder = Path.GetDirectoryName(folder))
            Directory.Delete(folder);
    }

    /// <summary>Deletes the folders no file of the site lies in (left empty by deletions, or made by something
    /// else), deepest first, told from the listing without looking at the disk again.</summary>
    private void DeleteFoldersWithoutFiles(List<string> folders, IEnumerable<string> siteFiles)
    {
        var holding = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in siteFiles)
            for (var slash = file.LastIndexOf('/'); slash > 0; slash = file.LastIndexOf('/', slash - 1))
                if (!holding.Add(file[..slash])) break; // its parents are in already
        foreach (var folder in folders.Where(f => !holding.Contains(f)).OrderByDescending(f => f.Length))
            Directory.Delete(Path.Combine(_root, folder), recursive: true);
    }

    /// <summary>Writes a file through a temporary one and a rename, so no reader sees half a file.</summary>
    private void Write(string destination, ReadOnlyMemory<byte> content)
    {
        var path = OutputWriter.FullPathInside(_root, destination);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp-" + Environment.ProcessId;
        try
        {
            File.WriteAllBytes(temporary, content.ToArray());
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
        var written = new FileInfo(path);
        _left[destination] = new FileStamp(written.Length, written.LastWriteTimeUtc);
    }

    /// <summary>Every file below the folder with its size and time, and every folder below it, by their paths
    /// below it (one listing and one status call a file); what it has listed when cancelled.</summary>
    private (Dictionary<string, FileStamp> Files, List<string> Folders) Scan(CancellationToken cancellation)
    {
        var files = new Dictionary<string, FileStamp>(_left.Count, StringComparer.Ordinal);
        var folders = new List<string>();
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = 0,
            IgnoreInaccessible = false,
        };
        var entries = new FileSystemEnumerable<(string Path, bool IsFolder, FileStamp Stamp)>(_root,
            (ref FileSystemEntry entry) => (RelativePath(ref entry), entry.IsDirectory,
                entry.IsDirectory ? default : new FileStamp(entry.Length, entry.LastWriteTimeUtc.UtcDateTime)),
            options);
        foreach (var (path, isFolder, stamp) in entries)
        {
            if (cancellation.IsCancellationRequested) break;
            if (isFolder) folders.Add(path);
            else files[path] = stamp;
        }
        return (files, folders);
    }

    /// <summary>An entry's path below the folder, with <c>/</c> between names, made in one string.</summary>
    private string RelativePath(ref FileSystemEntry entry)
    {
        var folder = entry.Directory.Length > _root.Length ? entry.Directory[_root.Length..] : [];
        var path = folder.IsEmpty ? entry.FileName.ToString() : string.Concat(folder, "/", entry.FileName);
        return Path.DirectorySeparatorChar == '/' ? path : path.Replace(Path.DirectorySeparatorChar, '/');
    }
}
