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

    /// <summary>Whether an ordinary file (or a link to one) exists at a full path.</summary>
    bool Exists(string fullPath);
}
