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
        if (_named is not null)
        {
            var reads = new FileRead[_named.Count];
            Parallel.For(0, reads.Length, new ParallelOptions { CancellationToken = context.Cancellation },
                i => reads[i] = context.Files.Read(_named[i].Root, _named[i].RelativePath));
            return Documents(inputs, reads, i => Path.Combine(_named[i].Root, _named[i].RelativePath), context);
        }
        // The paths are a value of the listing, so an unchanged listing gives the very same list to read.
        var paths = context.Compute(context.Files.List(_root), Accepted);
        return Documents(inputs, context.Files.ReadAll(_root, paths, context.Cancellation),
            i => Path.Combine(_root, paths[i]), context);
    }

    private string[] Accepted(IReadOnlyList<string> listing)
    {
        var accepted = new List<string>();
        foreach (var path in listing)
            if (_accept(path)) accepted.Add(path);
        return [.. accepted];
    }

    /// <summary>The documents given, then those of the files read; a file that was not read is reported.</summary>
    private static Document[] Documents(IReadOnlyList<Document> inputs, IReadOnlyList<FileRead> reads,
        Func<int, string> fileOf, IExecutionContext context)
    {
        // What each read gave is derived, so that after an edit only the files read again are looked into.
        var read = context.Derive(reads, static r => (r.Document, r.Problem));
        var documents = new List<Document>(inputs.Count + reads.Count);
        documents.AddRange(inputs);
        for (var i = 0; i < read.Count; i++)
        {
            if (read[i].Document is { } document) documents.Add(document);
            if (read[i].Problem is { } problem)
                context.Report(new ContentError(fileOf(i), 1, 1,
                    ErrorCodes.UnreadableFile, problem));
        }
        return [.. documents];
    }
}
