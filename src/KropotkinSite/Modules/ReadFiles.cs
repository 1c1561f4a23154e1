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

    private readonly Func<IReadOnlyList<(string Relative, string Full)>> _list;

    /// <summary>The files below a folder that a filter accepts; <paramref name="listing"/>, when given, is the
    /// folder's file list already made for this build (so many pipelines need not walk the same folder).</summary>
    public ReadFiles(string root, Func<string, bool> accept, IReadOnlyList<string>? listing = null) =>
        _list = () => (listing ?? FileTree.List(root)).Where(accept).Select(p => (p, Path.Combine(root, p))).ToArray();

    /// <summary>Files named by relative path, each with the full path to read it from.</summary>
    public ReadFiles(IEnumerable<KeyValuePair<string, string>> files) =>
        _list = () => files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (f.Key, f.Value)).ToArray();

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var paths = _list();
        var documents = new Document?[paths.Count];
        var cache = context.Cache;
        Parallel.For(0, paths.Count, i =>
        {
            var (relative, full) = paths[i];
            try
            {
                documents[i] = cache is null ? Read(relative, full) : ReadThroughCache(relative, full, cache, context.Step);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Report(new ContentError(full, 1, 1, ErrorCodes.UnreadableFile,
                    $"cannot be read ({e.Message}); check that it is a readable file"));
            }
        });
        return [.. inputs, .. documents.OfType<Document>()];
    }

    private static Document Read(string relative, string full) =>
        Document.Create(full, "", File.ReadAllBytes(full)).With(RelativePath, relative);

    /// <summary>In a preview session, a file whose size and modification time are unchanged is not read again.
    /// Its fingerprint (a hash of its path and bytes) keys the cached work of later modules.</summary>
    private static Document ReadThroughCache(string relative, string full, ModuleCache cache, string step)
    {
        var info = new FileInfo(full);
        var stamp = $"{full}|{info.Length}|{info.LastWriteTimeUtc.Ticks}";
        if (cache.TryGet(step, stamp, out var cached, out _) && cached is not null) return cached;
        var document = Read(relative, full);
        var hash = System.Security.Cryptography.SHA256.HashData([.. System.Text.Encoding.UTF8.GetBytes(full + "\0"), .. document.Content.Span]);
        document = document.With(ModuleCache.Fingerprint, Convert.ToHexString(hash));
        cache.Set(step, stamp, document, []);
        return document;
    }
}

/// <summary>Lists the files of a folder as relative paths with '/', sorted ordinally so order never depends on the disk.</summary>
public static class FileTree
{
    public static string[] List(string root)
    {
        if (!Directory.Exists(root)) return [];
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false, ReturnSpecialDirectories = false };
        var files = Directory.EnumerateFiles(root, "*", options)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .ToArray();
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }
}
