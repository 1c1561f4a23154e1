using KropotkinSite.Content;
using KropotkinSite.Engine;

namespace KropotkinSite.Modules;

/// <summary>
/// Reads files, in ordinal path order whatever the disk's order, and adds them to the documents it is given.
/// Each document's metadata holds <c>relativePath</c> (with '/'). A file that cannot or must not be read (a link
/// out of its folder, a pipe, a file without permission) is reported.
/// </summary>
public sealed record ReadFiles : IModule
{
    public const string RelativePath = Document.RelativePath;

    private readonly string _root = "";
    private readonly Func<string, bool> _accept = static _ => false;
    private readonly IReadOnlyList<(string Root, string RelativePath)>? _named;

    /// <summary>The files below a folder that a filter accepts.</summary>
    public ReadFiles(string root, Func<string, bool> accept)
    {
        _root = root;
        _accept = accept;
    }

    /// <summary>Files named by relative path, each with the full path to read it from.</summary>
    public ReadFiles(IEnumerable<KeyValuePair<string, string>> files) =>
        _named = files.OrderBy(f => f.Key,
            StringComparer.Ordinal).Select(f => (f.Value[..^f.Key.Length], f.Key)).ToArray();

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> inputs, IExecutionContext context)
    {
        var files = _named ?? context.Files.List(_root).Where(_accept).Select(path => (_root, path)).ToArray();
        var reads = new FileRead[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { CancellationToken = context.Cancellation },
            i => reads[i] = context.Files.Read(files[i].Root, files[i].RelativePath));
        for (var i = 0; i < reads.Length; i++)
            if (reads[i].Problem is { } problem)
                context.Report(new ContentError(Path.Combine(files[i].Root, files[i].RelativePath), 1, 1,
                    ErrorCodes.UnreadableFile, problem));
        return [.. inputs, .. reads.Select(r => r.Document).OfType<Document>()];
    }
}
