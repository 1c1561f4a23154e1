using KropotkinSite.Engine;
using KropotkinSite.IO;

namespace KropotkinSite.Theme;

/// <summary>
/// The theme as the build sees it: every file of <c>theme/</c>, where a file of <c>input/</c> at the same
/// relative path replaces it. Files under <c>layouts/</c> and <c>partials/</c> in <c>input/</c> always belong to the
/// theme (a site may add a layout of its own). Paths are relative, with '/'.
/// </summary>
public sealed record ThemeFiles
{
    public const string LayoutsFolder = "layouts/";
    public const string PartialsFolder = "partials/";

    private readonly SortedDictionary<string, string> _files = new(StringComparer.Ordinal);

    private readonly List<(string File, string Reason)> _refused = [];

    public ThemeFiles(string themeRoot, string inputRoot, IFileSource files)
    {
        ThemeRoot = themeRoot;
        foreach (var path in files.List(themeRoot)) Add(themeRoot, path, report: true);
        foreach (var path in files.List(inputRoot))
            if (_files.ContainsKey(path) || IsTemplatePath(path)) Add(inputRoot, path, report: IsTemplatePath(path));
    }

    /// <summary>Adds a file unless it must not be read (<see cref="FileTree.Refusal"/>). A refused content file
    /// that would replace a theme asset is left to the content's reading, which reports it.</summary>
    private void Add(string root, string path, bool report)
    {
        if (FileTree.Refusal(root, path) is { } reason)
        {
            if (report) _refused.Add((Path.Combine(root, path), reason));
        }
        else _files[path] = Path.Combine(root, path);
    }

    /// <summary>Theme files (and layouts or partials of the content) that are not read, and why.</summary>
    public IReadOnlyList<(string File, string Reason)> Refused => _refused;

    public string ThemeRoot { get; }

    /// <summary>Relative path → full path of the file that wins.</summary>
    public IReadOnlyDictionary<string, string> Files => _files;

    /// <summary>Whether an input file at this path belongs to the theme rather than to the content.</summary>
    public bool Overrides(string relativePath) =>
        _files.TryGetValue(relativePath, out var full) && !full.StartsWith(ThemeRoot, StringComparison.Ordinal)
        || IsTemplatePath(relativePath);

    public static bool IsTemplatePath(string relativePath) =>
        relativePath.StartsWith(LayoutsFolder, StringComparison.Ordinal)
            || relativePath.StartsWith(PartialsFolder, StringComparison.Ordinal);

    /// <summary>The static files of the theme that are published (all but layouts and partials).</summary>
    public IEnumerable<KeyValuePair<string, string>> Assets => _files.Where(f => !IsTemplatePath(f.Key));
}
