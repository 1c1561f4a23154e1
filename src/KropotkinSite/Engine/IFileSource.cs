namespace KropotkinSite.Engine;

/// <summary>
/// The input files as one run sees them. A plain build reads the disk; a preview session gives the very same
/// result for a file it knows is unchanged since an earlier run.
/// </summary>
public interface IFileSource
{
    /// <summary>Every file below a folder (and the entries that must not be read), as relative paths with '/',
    /// in ordinal order.</summary>
    IReadOnlyList<string> List(string root);

    /// <summary>A listed file as a document (its full path as source, <see cref="Document.RelativePath"/> set),
    /// or why it cannot be read.</summary>
    FileRead Read(string root, string relativePath);

    /// <summary>What <see cref="Read"/> gives for each of several files of one folder, in their order, read on
    /// every core. A source that knows which of them changed may answer without looking at the others.</summary>
    IReadOnlyList<FileRead> ReadAll(string root, IReadOnlyList<string> relativePaths, CancellationToken cancellation)
    {
        var reads = new FileRead[relativePaths.Count];
        Parallel.For(0, reads.Length, new ParallelOptions { CancellationToken = cancellation },
            i => reads[i] = Read(root, relativePaths[i]));
        return reads;
    }

    /// <summary>Whether an ordinary file (or a link to one) exists at a full path.</summary>
    bool Exists(string fullPath);
}
