using System.IO.Enumeration;
using KropotkinSite.Engine;
using KropotkinSite.IO;

namespace KropotkinSite.Preview;

/// <summary>
/// Keeps the output folder equal to the site the preview serves, which is what a full build would write,
/// even when something else deletes, changes or adds files in it during the session. It remembers each
/// file's size and modification time as it left it, and before each update it looks at the folder (one
/// listing, no file read): a file that is missing or not as it was left is written again, and a file or folder
/// the site does not have is deleted. A folder that is gone altogether is published anew, as a build does.
/// </summary>
public sealed class OutputMirror(string outputDirectory)
{
    private readonly string _root = FolderPaths.WithSeparator(outputDirectory);
    private Dictionary<string, FileStamp> _left = new(StringComparer.Ordinal);
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
        _left = Scan().Files;
        _published = true;
        return written;
    }

    /// <summary>Brings the folder from the site it held (<paramref name="before"/>) to the next one; the first time,
    /// or when the folder is gone, publishes the whole site.</summary>
    public Update Bring(IReadOnlyDictionary<string, ReadOnlyMemory<byte>> before,
        IReadOnlyDictionary<string, ReadOnlyMemory<byte>> after, CancellationToken cancellation = default)
    {
        if (!_published || !Directory.Exists(outputDirectory))
        {
            var vanished = _published;
            var all = Publish(after, cancellation);
            return vanished ? new Update(0, all) : new Update(all, 0);
        }
        var disk = Scan();
        int written = 0, mended = 0;
        foreach (var (destination, content) in after)
        {
            var changed = !before.TryGetValue(destination, out var old)
                          || !(old.Equals(content) || old.Span.SequenceEqual(content.Span));
            var asLeft = disk.Files.TryGetValue(destination, out var found)
                         && _left.TryGetValue(destination, out var left) && found == left;
            if (!changed && asLeft) continue;
            Write(destination, content);
            if (changed) written++;
            else mended++;
        }
        foreach (var destination in disk.Files.Keys.Where(k => !after.ContainsKey(k)))
        {
            File.Delete(Path.Combine(_root, destination));
            _left.Remove(destination);
            if (!before.ContainsKey(destination)) mended++;
        }
        DeleteFoldersWithoutFiles(disk.Folders, after.Keys);
        return new Update(written, mended);
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
    /// below it (one listing and one status call a file).</summary>
    private (Dictionary<string, FileStamp> Files, List<string> Folders) Scan()
    {
        var files = new Dictionary<string, FileStamp>(StringComparer.Ordinal);
        var folders = new List<string>();
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = 0,
            IgnoreInaccessible = false,
        };
        var entries = new FileSystemEnumerable<(string Path, bool IsFolder, FileStamp Stamp)>(_root,
            (ref FileSystemEntry entry) => (entry.ToFullPath(), entry.IsDirectory,
                entry.IsDirectory ? default : new FileStamp(entry.Length, entry.LastWriteTimeUtc.UtcDateTime)),
            options);
        foreach (var (path, isFolder, stamp) in entries)
        {
            var relative = path[_root.Length..].Replace(Path.DirectorySeparatorChar, '/');
            if (isFolder) folders.Add(relative);
            else files[relative] = stamp;
        }
        return (files, folders);
    }
}
