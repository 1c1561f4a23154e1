using System.Collections.Concurrent;
using KropotkinSite.Engine;

namespace KropotkinSite.IO;

/// <summary>
/// The input files as they are on disk now. A folder is listed once per build, however many pipelines read it.
/// A file is read only when one system call says it is an ordinary file; anything else is refused with a reason
/// (<see cref="FileTree.Refusal"/>), so the build never follows a link out of its folder or blocks on a pipe.
/// </summary>
public sealed class DiskFiles : IFileSource
{
    private readonly ConcurrentDictionary<string, Lazy<string[]>> _listings = new(StringComparer.Ordinal);

    public IReadOnlyList<string> List(string root) =>
        _listings.GetOrAdd(root, static root => new Lazy<string[]>(() => FileTree.List(root))).Value;

    public FileRead Read(string root, string relativePath) => ReadNow(root, relativePath);

    public bool Exists(string fullPath) => File.Exists(fullPath);

    /// <summary>Reads a file as it is now.</summary>
    public static FileRead ReadNow(string root, string relativePath)
    {
        var full = Path.Combine(root, relativePath);
        if (NativeFiles.OrdinaryFileStamp(full) is null && FileTree.Refusal(root, relativePath) is { } refusal)
            return new FileRead(null, $"is not read: {refusal}");
        try
        {
            return new FileRead(Document.FromFile(full, relativePath, File.ReadAllBytes(full)), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FileRead(null, $"cannot be read ({e.Message}); check that it is a readable file");
        }
    }
}
