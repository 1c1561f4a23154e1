namespace KropotkinSite.Modules;

/// <summary>
/// The theme as the build sees it: every file of <c>theme/</c>, where a file of <c>input/</c> at the same
/// relative path replaces it. Files under <c>layouts/</c> and <c>partials/</c> in <c>input/</c> always belong to the
/// theme (a site may add a layout of its own). Paths are relative, with '/'.
/// </summary>
public sealed class ThemeFiles
{
    public const string LayoutsFolder = "layouts/";
    public const string PartialsFolder = "partials/";

    private readonly SortedDictionary<string, string> _files = new(StringComparer.Ordinal);

    public ThemeFiles(string themeRoot, string inputRoot, IReadOnlyList<string>? inputListing = null)
    {
        ThemeRoot = themeRoot;
        foreach (var path in FileTree.List(themeRoot)) _files[path] = Path.Combine(themeRoot, path);
        foreach (var path in inputListing ?? FileTree.List(inputRoot))
            if (_files.ContainsKey(path) || IsTemplatePath(path)) _files[path] = Path.Combine(inputRoot, path);
    }

    public string ThemeRoot { get; }

    /// <summary>Relative path → full path of the file that wins.</summary>
    public IReadOnlyDictionary<string, string> Files => _files;

    /// <summary>Whether an input file at this path belongs to the theme rather than to the content.</summary>
    public bool Overrides(string relativePath) => _files.TryGetValue(relativePath, out var full) && !full.StartsWith(ThemeRoot, StringComparison.Ordinal)
        || IsTemplatePath(relativePath);

    public static bool IsTemplatePath(string relativePath) =>
        relativePath.StartsWith(LayoutsFolder, StringComparison.Ordinal) || relativePath.StartsWith(PartialsFolder, StringComparison.Ordinal);

    /// <summary>The static files of the theme that are published (all but layouts and partials).</summary>
    public IEnumerable<KeyValuePair<string, string>> Assets => _files.Where(f => !IsTemplatePath(f.Key));
}
