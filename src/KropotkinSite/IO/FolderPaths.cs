namespace KropotkinSite.IO;

/// <summary>Where a path lies relative to a folder.</summary>
public static class FolderPaths
{
    /// <summary>A folder's absolute path ending in a separator, so that a prefix test tells what lies inside it
    /// (<c>/site-old/a</c> is not inside <c>/site</c>).</summary>
    public static string WithSeparator(string folder) =>
        Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;

    /// <summary>Whether an absolute path lies inside a folder.</summary>
    public static bool Contains(string folder, string absolutePath) =>
        absolutePath.StartsWith(WithSeparator(folder), StringComparison.Ordinal);
}
