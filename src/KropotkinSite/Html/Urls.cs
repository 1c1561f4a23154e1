namespace KropotkinSite.Html;

/// <summary>Small URL helpers shared by the modules that emit and check links.</summary>
public static class Urls
{
    /// <summary>
    /// Normalises a base path to the form <c>/</c> or <c>/sub/dir/</c>.
    /// </summary>
    public static string NormaliseBasePath(string? basePath)
    {
        var trimmed = (basePath ?? "").Trim().Trim('/');
        return trimmed.Length == 0 ? "/" : "/" + trimmed + "/";
    }

    /// <summary>Prefixes a root-relative URL (<c>/life/</c>, not <c>//host/</c>) with the base path.</summary>
    public static string WithBasePath(string url, string basePath) =>
        IsRootRelative(url) && basePath != "/" ? basePath + url[1..] : url;

    public static bool IsRootRelative(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal);

    /// <summary>Whether a URL names another host or scheme (http:, mailto:, //host), which the build does not
    /// check.</summary>
    public static bool IsExternal(string url) =>
        url.StartsWith("//", StringComparison.Ordinal)
            || (url.IndexOf(':') is var colon and > 0 && url.IndexOfAny(['/', '?', '#']) is var stop
            && (stop < 0 || colon < stop));

    /// <summary>
    /// Whether a path is root-relative and already in the form URI resolution would give it (only letters,
    /// digits, '-', '_', '.' and '/', and no '.' or '..' segment): then resolving it against the page is the identity.
    /// </summary>
    public static bool IsPlainAbsolutePath(ReadOnlySpan<char> path)
    {
        if (path.Length == 0 || path[0] != '/' || path.StartsWith("//", StringComparison.Ordinal)) return false;
        foreach (var c in path)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '_' or '.')) return false;
        return !path.Contains("/./", StringComparison.Ordinal) && !path.Contains("/../", StringComparison.Ordinal)
            && !path.EndsWith("/.", StringComparison.Ordinal) && !path.EndsWith("/..", StringComparison.Ordinal);
    }

    /// <summary>A path as an href may carry it: the ASCII characters a URL may not hold as they are (a space, quotes,
    /// brackets and the like, which a page's file name may have) percent-encoded; everything else as it is.</summary>
    public static string EscapePath(string path)
    {
        if (path.All(c => !MustEscape(c))) return path;
        var escaped = new System.Text.StringBuilder(path.Length + 8);
        foreach (var c in path)
            if (MustEscape(c)) escaped.Append('%').Append(((int)c).ToString("X2",
                System.Globalization.CultureInfo.InvariantCulture));
            else escaped.Append(c);
        return escaped.ToString();
    }

    private static bool MustEscape(char c) =>
        c is ' ' or '"' or '<' or '>' or '`' or '{' or '}' or '|' or '^' or '[' or ']';

    /// <summary>The absolute path a link's path part leads to from a page at <paramref name="pagePath"/> (e.g.
    /// <c>/life/a/</c>).</summary>
    public static string Resolve(string pagePath, string path) =>
        IsPlainAbsolutePath(path) ? path : new Uri(new Uri("http://site.invalid" + pagePath), path).AbsolutePath;
}
