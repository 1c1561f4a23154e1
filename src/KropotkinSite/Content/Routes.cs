namespace KropotkinSite.Content;

/// <summary>Where an input file is published: pretty URLs, one folder per page.</summary>
public static class Routes
{
    /// <summary><c>life/siberia.md</c> → <c>/life/siberia/</c>; <c>life/index.md</c> → <c>/life/</c>;
    /// <c>index.md</c> → <c>/</c>.</summary>
    public static string PageUrl(string relativeMarkdownPath)
    {
        var path = relativeMarkdownPath.Replace('\\', '/');
        path = path[..^Path.GetExtension(path).Length];
        if (path == "index") return "/";
        if (path.EndsWith("/index", StringComparison.Ordinal)) path = path[..^"/index".Length];
        return "/" + path + "/";
    }

    /// <summary>The file an address is written to: <c>/life/siberia/</c> → <c>life/siberia/index.html</c>.</summary>
    public static string OutputPathOf(string url) => url.TrimStart('/') + "index.html";

    /// <summary>The top-level section of an address: <c>/life/siberia/</c> → <c>life</c>; a top-level page has
    /// none.</summary>
    public static string SectionOf(string url)
    {
        var path = url.AsSpan().Trim('/');
        var slash = path.IndexOf('/');
        return slash < 0 ? "" : path[..slash].ToString();
    }

    /// <summary>Whether a relative input path is a page (a Markdown file not hidden by a leading '_' or '.').</summary>
    public static bool IsPublishable(string relativePath)
    {
        for (var i = 0; i < relativePath.Length; i++)
            if (relativePath[i] is '_' or '.' && (i == 0 || relativePath[i - 1] is '/' or '\\')) return false;
        return true;
    }

    /// <summary>A character of a page's path that its address cannot carry as it is (<c>#</c> and <c>?</c> end the
    /// path, <c>%</c> starts an escape, browsers read <c>\</c> as <c>/</c>), or null when there is none.</summary>
    public static char? CharacterUnfitForAddress(string relativePath) =>
        relativePath.FirstOrDefault(c => c is '#' or '?' or '%' or '\\'
            || char.IsControl(c)) is var found and not '\0' ? found : null;

    public static bool IsMarkdown(string relativePath) =>
        relativePath.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
}
