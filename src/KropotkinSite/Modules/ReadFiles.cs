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

    /// <summary>The files below a folder that a filter accepts.</summary>
    public ReadFiles(string root, Func<string, bool> accept) : this(root, () => FileTree.List(root), accept) { }

    /// <summary>The files of a listing of a folder (shared by the modules of one build) that a filter accepts.</summary>
    public ReadFiles(string root, Func<IReadOnlyList<string>> listing, Func<string, bool> accept) =>
        _list = () => listing().Where(accept).Select(p => (p, Path.Combine(root, p))).ToArray();

    /// <summary>Files named by relative path, each with the full path to read it from.</summary>
    public ReadFiles(IEnumerable<KeyValuePair<string, string>> files) =>
        _list = () => files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (f.Key, f.Value)).ToArray();

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var paths = _list();
        var documents = new Document?[paths.Count];
        Parallel.For(0, paths.Count, i =>
        {
            var (relative, full) = paths[i];
            try
            {
                documents[i] = Document.Create(full, "", File.ReadAllBytes(full)).With(RelativePath, relative);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                context.Report(new ContentError(full, 1, 1, ErrorCodes.UnreadableFile,
                    $"cannot be read ({e.Message}); check that it is a readable file"));
            }
        });
        return [.. inputs, .. documents.OfType<Document>()];
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
